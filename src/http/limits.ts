import type { ServerOptions } from "node:http";

/** Connection limits of the HTTP server, so that a few slow or numerous clients cannot hold it. */
export interface HttpLimits {
  /** time a client has to send its request line and headers (ms); then 408 and the connection closes */
  headersTimeoutMs: number;
  /** time a client has to send a whole request, body included (ms); 0 = no limit */
  requestTimeoutMs: number;
  /** an idle keep-alive connection is closed after this (ms) */
  keepAliveTimeoutMs: number;
  /** open connections per server process; more are closed as they arrive; 0 = no cap */
  maxConnections: number;
}

/**
 * Defaults. node:http's own allow 60 s for the headers and 300 s for a request with no cap on
 * connections: a client trickling bytes holds a connection for minutes. An SDK sends its headers at
 * once and a 1 MiB body in well under a second on any working network, so 10 s and 30 s leave a wide
 * margin; 65 s keep-alive outlasts the 60 s idle timeout of common proxies and load balancers (they
 * close first, never TCO under them); 1024 connections per process is far above what the SDKs and
 * the bench (32 keep-alive connections) open.
 */
export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 65_000,
  maxConnections: 1024,
};

/** node:http's own header limit (16 KiB): room for the headers beside a query string. */
const HEADER_ROOM = 16 * 1024;

/**
 * The largest request line and headers node:http accepts: a GET's query may be as large as a POST
 * body (TCO_MAX_BODY_BYTES), plus room for the headers themselves.
 */
export const maxHeaderSizeFor = (maxBodyBytes: number): number => maxBodyBytes + HEADER_ROOM;

/**
 * node:http server options for these limits. The timeouts are enforced by a sweep over open
 * connections every connectionsCheckingInterval (node's default, 30 s, would let a slow client
 * overstay a 10 s headers timeout threefold): a quarter of the headers timeout, within 50 ms – 1 s.
 */
export function serverOptions(limits: HttpLimits, maxBodyBytes: number): ServerOptions {
  return {
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    connectionsCheckingInterval: Math.min(1000, Math.max(50, Math.floor(limits.headersTimeoutMs / 4))),
    maxHeaderSize: maxHeaderSizeFor(maxBodyBytes),
  };
}
