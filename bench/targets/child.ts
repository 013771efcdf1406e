import { spawn, type ChildProcess } from "node:child_process";
import { createServer, connect } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
export function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = connect({ host: "127.0.0.1", port });
    sock.once("connect", () => {
      sock.destroy();
      resolve(true);
    });
    sock.once("error", () => resolve(false));
  });
}

/** A server process under test. */
export class Child {
  /** the last lines it wrote (for error messages) */
  readonly output: string[] = [];
  private readonly listeners: ((line: string) => void)[] = [];

  constructor(
    readonly name: string,
    readonly proc: ChildProcess,
    readonly port: number,
  ) {
    const collect = () => {
      let rest = "";
      return (chunk: Buffer) => {
        const lines = (rest + chunk.toString("utf8")).split("\n");
        rest = lines.pop() ?? "";
        for (const line of lines) {
          if (!line) continue;
          this.output.push(line);
          for (const fn of this.listeners) fn(line);
        }
        if (this.output.length > 50) this.output.splice(0, this.output.length - 50);
      };
    };
    proc.stdout?.on("data", collect());
    proc.stderr?.on("data", collect());
  }

  /** Call `fn` with every line the process writes from now on. */
  onLine(fn: (line: string) => void): void {
    this.listeners.push(fn);
  }

  /** Start `command args` with `env`, without waiting for it. */
  static spawn(name: string, command: string, args: string[], port: number, env: NodeJS.ProcessEnv): Child {
    return new Child(name, spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] }), port);
  }

  /** Start `command args` with `env` and wait until it accepts connections on `port`. */
  static async start(name: string, command: string, args: string[], port: number, env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<Child> {
    const child = Child.spawn(name, command, args, port, env);
    await child.waitReady(timeoutMs);
    return child;
  }

  /** Whether the process has exited. */
  get exited(): boolean {
    return this.proc.exitCode !== null || this.proc.signalCode !== null;
  }

  get pid(): number {
    return this.proc.pid!;
  }

  get host(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Wait until the port accepts connections; fails when the process exits first. */
  async waitReady(timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (this.exited) throw new Error(`${this.name} exited:\n${this.output.join("\n")}`);
      if (await accepts(this.port)) return;
      await sleep(20);
    }
    throw new Error(`${this.name} did not listen on ${this.port} within ${timeoutMs} ms:\n${this.output.join("\n")}`);
  }

  /** SIGTERM, then SIGKILL after a grace period; resolves when the process is gone. */
  async stop(graceMs = 5_000): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => this.proc.once("exit", () => resolve()));
    this.proc.kill("SIGTERM");
    const timer = setTimeout(() => this.proc.kill("SIGKILL"), graceMs);
    await gone;
    clearTimeout(timer);
  }
}
