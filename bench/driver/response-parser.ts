/** One HTTP/1.1 response as the driver needs it: status, body, and whether the server closes. */
export interface HttpResponse {
  status: number;
  body: Buffer;
  /** the server announced `Connection: close` (or spoke HTTP/1.0 without keep-alive) */
  close: boolean;
}

const CRLFCRLF = Buffer.from("\r\n\r\n");
const EMPTY = Buffer.alloc(0);

/**
 * An incremental parser of HTTP/1.1 responses: Content-Length and chunked bodies. Only what a load
 * driver needs; it keeps the fast path (one whole response in one chunk) free of copies.
 */
export class ResponseParser {
  private buf: Buffer = EMPTY;
  private head?: { status: number; close: boolean; length: number; chunked: boolean; bodyStart: number };

  /** Feed received bytes; answers the response when it is complete, else undefined. */
  push(chunk: Buffer): HttpResponse | undefined {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    if (!this.head) {
      const end = this.buf.indexOf(CRLFCRLF);
      if (end < 0) return undefined;
      this.head = parseHead(this.buf.toString("latin1", 0, end), end + 4);
    }
    const h = this.head;
    if (h.chunked) return this.takeChunked();
    if (this.buf.length - h.bodyStart < h.length) return undefined;
    const body = this.buf.subarray(h.bodyStart, h.bodyStart + h.length);
    if (this.buf.length > h.bodyStart + h.length) throw new Error("unexpected bytes after the response (the driver never pipelines)");
    this.reset();
    return { status: h.status, body, close: h.close };
  }

  /** Forget any partial response (after the socket closed). */
  reset(): void {
    this.buf = EMPTY;
    this.head = undefined;
  }

  private takeChunked(): HttpResponse | undefined {
    const h = this.head!;
    const parts: Buffer[] = [];
    let pos = h.bodyStart;
    for (;;) {
      const lineEnd = this.buf.indexOf("\r\n", pos);
      if (lineEnd < 0) return undefined;
      const size = parseInt(this.buf.toString("latin1", pos, lineEnd), 16);
      if (Number.isNaN(size)) throw new Error("malformed chunk size");
      const dataStart = lineEnd + 2;
      if (size === 0) {
        // last chunk: no trailers expected, just the final CRLF
        if (this.buf.length < dataStart + 2) return undefined;
        this.reset();
        return { status: h.status, body: Buffer.concat(parts), close: h.close };
      }
      if (this.buf.length < dataStart + size + 2) return undefined;
      parts.push(this.buf.subarray(dataStart, dataStart + size));
      pos = dataStart + size + 2;
    }
  }
}

function parseHead(text: string, bodyStart: number) {
  const status = Number(text.slice(9, 12));
  if (!text.startsWith("HTTP/1.") || !Number.isInteger(status)) throw new Error(`not an HTTP response: ${text.slice(0, 40)}`);
  const lower = text.toLowerCase();
  const lengthMatch = /\r\ncontent-length:\s*(\d+)/.exec(lower);
  const chunked = /\r\ntransfer-encoding:[^\r]*chunked/.test(lower);
  const connClose = /\r\nconnection:\s*close/.test(lower);
  const http10 = text.startsWith("HTTP/1.0") && !/\r\nconnection:\s*keep-alive/.test(lower);
  if (!lengthMatch && !chunked) throw new Error("response without Content-Length or chunked encoding");
  return { status, close: connClose || http10, length: lengthMatch ? Number(lengthMatch[1]) : 0, chunked, bodyStart };
}
