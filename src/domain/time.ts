/** `YYYY-MM-DD HH:MM:SS` of an epoch-ms time, in the zone `utcOffsetMinutes` east of UTC. */
export function formatTime(ms: number, utcOffsetMinutes: number): string {
  const iso = new Date(ms + utcOffsetMinutes * 60_000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}
