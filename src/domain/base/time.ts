/** Epoch ms of 10000-01-01T00:00:00Z: below it (and from 1970) the fast path writes 4-digit years as toISOString does. */
const YEAR_10000_MS = 253_402_300_800_000;

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * `YYYY-MM-DD HH:MM:SS` of an epoch-ms time, in the zone `utcOffsetMinutes` east of UTC. Listings
 * format two times per row, so the calendar date is computed with integer arithmetic (days to
 * civil date, as in H. Hinnant's date algorithms) rather than through a Date and its ISO string;
 * times before 1970 or after 9999 take the Date path. Both give the same text.
 */
export function formatTime(ms: number, utcOffsetMinutes: number): string {
  const t = ms + utcOffsetMinutes * 60_000;
  if (!(t >= 0 && t < YEAR_10000_MS)) {
    const iso = new Date(t).toISOString();
    return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }
  const secs = Math.floor(t / 1000);
  const days = Math.floor(secs / 86_400);
  const daySecs = secs - days * 86_400;
  const hh = Math.floor(daySecs / 3600);
  const mm = Math.floor((daySecs % 3600) / 60);
  const ss = daySecs % 60;
  // days since 1970-01-01 → year, month, day (proleptic Gregorian; eras of 400 years from 0000-03-01)
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${pad2(m)}-${pad2(d)} ${pad2(hh)}:${pad2(mm)}:${pad2(ss)}`;
}
