/**
 * Summarise a V8 .cpuprofile (node --cpu-prof, or `npm run bench -- --cpu-prof <dir>`): self and
 * total time by function, and self time by where the code lives (a package, node's internals, TCO's
 * own folders). Total time counts a function once per sample however deep it recurses.
 *
 *   node dist/bench/tools/profile-summary.js <file.cpuprofile> [--top 40] [--filter <regex>]
 *
 * --filter keeps only the samples whose stack passes through a function matching the regex (by
 * "name file:line"), so one action's handler can be looked at apart from the rest.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Where a frame's code lives: "pkg:<name>", "node:<internal>", "tco:<folder>", or the frame's kind. */
function area(url: string, name: string): string {
  if (!url) return `(${name || "anonymous"})`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return `pkg:${pkg[1]}`;
  if (url.startsWith("node:")) return url.split("/").slice(0, 2).join("/");
  const own = /\/dist\/(src|bench)\/([^/]+)/.exec(url);
  if (own) return `tco:${own[1]}/${own[2]}`;
  return url;
}

function label(f: CallFrame): string {
  const file = f.url ? f.url.replace(/^.*\/(node_modules|dist)\//, "$1/").replace(/^file:\/\//, "") : "";
  return `${f.functionName || "(anonymous)"} ${file}${file ? `:${f.lineNumber + 1}` : ""}`;
}

function main(): void {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: "string" }, filter: { type: "string" } } });
  if (positionals.length !== 1) {
    process.stderr.write("usage: profile-summary <file.cpuprofile> [--top N] [--filter <regex>]\n");
    process.exit(2);
  }
  const top = Number(values.top ?? 40);
  const filter = values.filter ? new RegExp(values.filter) : undefined;
  const p = JSON.parse(readFileSync(positionals[0], "utf8")) as Profile;

  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const n of p.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const stackOf = (id: number): ProfileNode[] => {
    const out: ProfileNode[] = [];
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) out.push(byId.get(cur)!);
    return out;
  };

  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const areas = new Map<string, number>();
  let all = 0;
  let idle = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000; // the delta after a sample is the time it stands for
    const stack = stackOf(p.samples[i]);
    const leaf = stack[0].callFrame;
    if (leaf.functionName === "(idle)") {
      idle += dt;
      continue;
    }
    const labels = stack.map((n) => label(n.callFrame));
    if (filter && !labels.some((l) => filter.test(l))) continue;
    all += dt;
    self.set(labels[0], (self.get(labels[0]) ?? 0) + dt);
    for (const l of new Set(labels)) total.set(l, (total.get(l) ?? 0) + dt);
    const a = area(leaf.url, leaf.functionName);
    areas.set(a, (areas.get(a) ?? 0) + dt);
  }

  const pct = (ms: number) => `${((100 * ms) / all).toFixed(1).padStart(5)}%`;
  const print = (title: string, m: Map<string, number>, n: number) => {
    process.stdout.write(`\n${title}\n`);
    for (const [k, ms] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) process.stdout.write(`${pct(ms)} ${ms.toFixed(0).padStart(8)} ms  ${k}\n`);
  };
  process.stdout.write(`busy ${all.toFixed(0)} ms${filter ? ` (stacks matching ${filter})` : ""}, idle ${idle.toFixed(0)} ms, wall ${((p.endTime - p.startTime) / 1000).toFixed(0)} ms\n`);
  print("self time by area", areas, 25);
  print("self time by function", self, top);
  print("total time by function", total, top);
}

main();
