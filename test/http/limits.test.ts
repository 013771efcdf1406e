import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadConfig } from "../../src/config.js";
import { DEFAULT_HTTP_LIMITS, serverOptions } from "../../src/http/limits.js";

describe("HTTP server limits", () => {
  it("read TCO_HEADERS_TIMEOUT_MS, TCO_REQUEST_TIMEOUT_MS, TCO_KEEP_ALIVE_TIMEOUT_MS and TCO_MAX_CONNECTIONS", () => {
    assert.deepEqual(loadConfig({}, {}).http, DEFAULT_HTTP_LIMITS);
    const env = { TCO_HEADERS_TIMEOUT_MS: "2000", TCO_REQUEST_TIMEOUT_MS: "4000", TCO_KEEP_ALIVE_TIMEOUT_MS: "5000", TCO_MAX_CONNECTIONS: "7" };
    assert.deepEqual(loadConfig({}, env).http, { headersTimeoutMs: 2000, requestTimeoutMs: 4000, keepAliveTimeoutMs: 5000, maxConnections: 7 });
  });

  it("refuse a request timeout shorter than the headers timeout, and negative values", () => {
    assert.throws(() => loadConfig({}, { TCO_HEADERS_TIMEOUT_MS: "5000", TCO_REQUEST_TIMEOUT_MS: "1000" }), /TCO_REQUEST_TIMEOUT_MS/);
    assert.equal(loadConfig({}, { TCO_HEADERS_TIMEOUT_MS: "5000", TCO_REQUEST_TIMEOUT_MS: "0" }).http.requestTimeoutMs, 0);
    assert.throws(() => loadConfig({}, { TCO_MAX_CONNECTIONS: "-1" }), /TCO_MAX_CONNECTIONS/);
    assert.throws(() => loadConfig({}, { TCO_HEADERS_TIMEOUT_MS: "0" }), /TCO_HEADERS_TIMEOUT_MS/);
  });

  it("let a GET query as large as a POST body through node:http, and sweep timeouts often enough", () => {
    const o = serverOptions(DEFAULT_HTTP_LIMITS, 1024 * 1024);
    assert.ok(o.maxHeaderSize! > 1024 * 1024, `maxHeaderSize ${o.maxHeaderSize}`);
    assert.equal(o.headersTimeout, 10_000);
    assert.equal(o.requestTimeout, 30_000);
    assert.equal(o.keepAliveTimeout, 65_000);
    assert.equal(o.connectionsCheckingInterval, 1000);
    assert.equal(serverOptions({ ...DEFAULT_HTTP_LIMITS, headersTimeoutMs: 500 }, 4096).connectionsCheckingInterval, 125);
  });
});
