import { connect, type Socket } from "node:net";
import { ResponseParser, type HttpResponse } from "./response-parser.js";

/**
 * One keep-alive HTTP/1.1 connection that sends pre-built request bytes, one request at a time.
 * Bare net.Socket instead of node:http's client: no header objects, no agent, no per-request
 * allocations beyond the response body, so the driver costs a fraction of what the server under
 * test costs per request. Reconnects by itself when the server closes.
 */
export class HttpConnection {
  private socket?: Socket;
  private readonly parser = new ResponseParser();
  private pending?: { resolve: (r: HttpResponse) => void; reject: (e: Error) => void };
  /** times the connection had to be opened (1 = never dropped) */
  opens = 0;

  constructor(
    readonly host: string,
    readonly port: number,
  ) {}

  /** Send one complete request and wait for its response. */
  async request(bytes: Buffer): Promise<HttpResponse> {
    if (!this.socket) await this.open();
    return new Promise<HttpResponse>((resolve, reject) => {
      this.pending = { resolve, reject };
      this.socket!.write(bytes);
    });
  }

  /** Close the socket (pending requests fail). */
  close(): void {
    this.socket?.destroy();
    this.socket = undefined;
  }

  private open(): Promise<void> {
    this.opens++;
    this.parser.reset();
    return new Promise<void>((resolve, reject) => {
      const socket = connect({ host: this.host, port: this.port, noDelay: true });
      socket.once("connect", () => {
        socket.off("error", reject);
        this.socket = socket;
        resolve();
      });
      socket.once("error", reject);
      socket.on("data", (chunk: Buffer) => this.onData(chunk));
      socket.on("error", (err) => this.fail(err));
      socket.on("close", () => {
        if (this.socket === socket) this.socket = undefined;
        this.fail(new Error("connection closed by the server"));
      });
    });
  }

  private onData(chunk: Buffer): void {
    let res: HttpResponse | undefined;
    try {
      res = this.parser.push(chunk);
    } catch (err) {
      this.close();
      this.fail(err as Error);
      return;
    }
    if (!res) return;
    if (res.close) this.close();
    const p = this.pending;
    this.pending = undefined;
    p?.resolve(res);
  }

  private fail(err: Error): void {
    const p = this.pending;
    this.pending = undefined;
    p?.reject(err);
  }
}
