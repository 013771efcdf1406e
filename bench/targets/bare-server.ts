/**
 * The bare limit: a node:http server that reads each request body and answers the same 120-byte
 * JSON envelope, with nothing else on the path. Run as its own process: `node bare-server.js <port>`.
 */
import { createServer } from "node:http";

const BODY = (() => {
  const base = '{"Response":{"RequestId":"00000000-0000-4000-8000-000000000000","Total":0,"Items":[],"Pad":"';
  const text = base + "x".repeat(120 - base.length - 3) + '"}}';
  if (Buffer.byteLength(text) !== 120) throw new Error("bare body must be 120 bytes");
  return Buffer.from(text);
})();

const port = Number(process.argv[2] ?? 0);
const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
  req.on("data", () => {});
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json", "content-length": BODY.length });
    res.end(BODY);
  });
});
server.listen(port, "127.0.0.1");
process.once("SIGTERM", () => server.close(() => process.exit(0)));
