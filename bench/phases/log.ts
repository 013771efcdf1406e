/** Progress lines go to stderr, so stdout carries only the final table. */
export const progress = (line: string) => process.stderr.write(`${line}\n`);

/** Seconds since `t0` (a performance.now() reading). */
export const secondsSince = (t0: number) => (performance.now() - t0) / 1000;
