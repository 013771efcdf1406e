import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";

let ticksPerSecond: number | undefined;

/** Clock ticks per second of /proc CPU times (getconf CLK_TCK; 100 on Linux in practice). */
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/**
 * A process and its descendants (a `tco serve --workers N` primary and its workers), from the
 * kernel's per-thread children lists; the process alone when they cannot be read.
 */
export function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    try {
      for (const tid of readdirSync(`/proc/${out[i]}/task`)) {
        const children = readFileSync(`/proc/${out[i]}/task/${tid}/children`, "utf8").trim();
        if (children) out.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // exited meanwhile, or no children lists in this kernel
    }
  }
  return out;
}

/** Sum of `f` over a process tree, leaving out processes that exited meanwhile. */
function sumOver(pid: number, f: (p: number) => number): number {
  let total = 0;
  for (const p of processTree(pid)) {
    try {
      total += f(p);
    } catch (e) {
      if (p === pid) throw e;
    }
  }
  return total;
}

/** CPU time (user + system, all threads) one process has used so far, in microseconds. */
function ownCpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // fields after the command name, which is in parentheses and may hold spaces
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of the line)
  return (ticks * 1e6) / clockTicks();
}

/** CPU time (user + system, all threads) a process and its descendants have used so far, in microseconds. */
export function cpuMicros(pid: number): number {
  return sumOver(pid, ownCpuMicros);
}

function ownMemory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb("VmRSS"), peak: kb("VmHWM") };
}

/** Resident set size now and its peak (VmRSS, VmHWM) of a process and its descendants (summed), in bytes. */
export function memory(pid: number): { rss: number; peak: number } {
  return { rss: sumOver(pid, (p) => ownMemory(p).rss), peak: sumOver(pid, (p) => ownMemory(p).peak) };
}

/** Reset the peak-RSS mark of a process and its descendants (Linux ≥ 4.0); false when the kernel refuses. */
export function resetPeak(pid: number): boolean {
  try {
    for (const p of processTree(pid)) writeFileSync(`/proc/${p}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

/** CPU time all processes of the machine have used so far (busy time of /proc/stat), in microseconds. */
export function machineBusyMicros(): number {
  const line = readFileSync("/proc/stat", "utf8").split("\n", 1)[0];
  // user nice system idle iowait irq softirq steal: idle and iowait are not busy
  const f = line.trim().split(/\s+/).slice(1, 9).map(Number);
  return ((f[0] + f[1] + f[2] + f[5] + f[6] + f[7]) * 1e6) / clockTicks();
}
