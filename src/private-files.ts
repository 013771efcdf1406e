import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";

/** Modes of what TCO keeps on disk: secrets and the database are the owner's alone. */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Create a directory (and its parents) readable by its owner only; an existing one keeps its mode. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/**
 * Make an existing directory 0700 and the named files in it 0600, when an earlier version left
 * them 0755 and 0644. A directory that does not exist is left to whatever creates it (makePrivateDir).
 */
export function tightenPrivateDir(dir: string, files: readonly string[] = []): void {
  if (!existsSync(dir)) return;
  chmodSync(dir, PRIVATE_DIR_MODE);
  for (const file of files) keepPrivate(file);
}

/** Make a file 0600 if it exists. */
export function keepPrivate(file: string): void {
  if (existsSync(file)) chmodSync(file, PRIVATE_FILE_MODE);
}

/** Create a file 0600 if it is absent (empty), else make it 0600: before another program fills it. */
export function touchPrivate(file: string): void {
  closeSync(openSync(file, "a", PRIVATE_FILE_MODE));
  chmodSync(file, PRIVATE_FILE_MODE);
}
