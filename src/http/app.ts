import type { IncomingMessage, ServerResponse } from "node:http";
import { RpcService, type RawRequest, type RpcDeps } from "../protocol/dispatch.js";

export interface App {
  rpc: RpcService;
  /** the node:http request listener */
  listener: (req: IncomingMessage, res: ServerResponse) => void;
  /** answer a request without a socket (tests) */
  inject(req: RawRequest): Promise<{ status: number; body: string }>;
}

const JSON_HEADERS = { "content-type": "application/json" };

/**
 * The HTTP face of TCO, without listening: GET /healthz, and the API 3.0 endpoint on every other
 * target. The layer is bare node:http: one route does not need a framework, and the framework's
 * per-request cost would be most of a cached read.
 */
export function buildApp(deps: RpcDeps): App {
  const rpc = new RpcService(deps);

  const inject = async (req: RawRequest) => {
    if (req.method === "GET" && (req.url === "/healthz" || req.url.endsWith("://" + (req.headers.host ?? "") + "/healthz"))) {
      return { status: 200, body: '{"status":"ok"}' };
    }
    return { status: 200, body: await rpc.handle(req) };
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > deps.maxBodyBytes) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("error", () => res.destroy());
    req.on("end", () => {
      inject({ method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers, body: Buffer.concat(chunks, tooLarge ? undefined : size), bodyTooLarge: tooLarge })
        .then(({ status, body }) => {
          res.writeHead(status, { ...JSON_HEADERS, "content-length": Buffer.byteLength(body) });
          res.end(body);
        })
        .catch((err) => {
          deps.log.error({ err }, "response failed");
          res.destroy();
        });
    });
  };

  return { rpc, listener, inject };
}
