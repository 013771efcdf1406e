/**
 * Worker thread that checkpoints one SQLite file's write-ahead log (see startCheckpointer): every
 * `intervalMs`, a PASSIVE checkpoint on its own connection, which copies what it can without
 * waiting for readers or writers. Runs until the thread is terminated.
 */
import Database from "better-sqlite3";
import { workerData } from "node:worker_threads";

const { file, intervalMs } = workerData as { file: string; intervalMs: number };
const db = new Database(file);
db.pragma("busy_timeout = 0");
setInterval(() => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch {
    // busy or closing: the next round, or the connection's own checkpoint, catches up
  }
}, intervalMs);
