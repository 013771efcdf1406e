import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ApiError } from "../../src/protocol/api-error.js";
import { namedService, serviceOf } from "../../src/protocol/services.js";

const named = (scope: string | undefined, host: string) => namedService(scope, { host });

describe("the service a request names", () => {
  it("is the credential scope's service when it is a service name (the Go SDK's rule; the Node SDK at tag.<domain>)", () => {
    assert.deepEqual(named("tag", "127.0.0.1:9500"), { service: "tag", from: "scope" });
    assert.deepEqual(named("organization", "tag.tco.local"), { service: "organization", from: "scope" });
    assert.deepEqual(named("tco", "tco.example.com:9500"), { service: "tco", from: "scope" });
  });

  it("is the Host's first label of a <service>.<domain> name when the scope names none, and for v1 requests", () => {
    assert.deepEqual(named("127", "tag.tco.local:9500"), { service: "tag", from: "host" });
    assert.deepEqual(named(undefined, "cvm.tco.local"), { service: "cvm", from: "host" });
  });

  it("is none for the Node SDK pointed at an IP address, localhost or a single-label host", () => {
    assert.equal(named("127", "127.0.0.1:9500"), undefined);
    assert.equal(named("localhost:9500", "localhost:9500"), undefined);
    assert.equal(named("localhost", "localhost"), undefined);
    assert.equal(named("tco-server:9500", "tco-server:9500"), undefined);
    assert.equal(named("[", "[::1]:9500"), undefined);
    assert.equal(named(undefined, "127.0.0.1:9500"), undefined);
  });

  it("is Organization's when none is named, and NoSuchProduct when one not served is", () => {
    assert.equal(serviceOf("127", { host: "127.0.0.1:9500" }), "organization");
    assert.equal(serviceOf(undefined, { host: "tag.example.com" }), "tag");
    assert.throws(() => serviceOf("cvm", { host: "127.0.0.1:9500" }), (e) => e instanceof ApiError && e.code === "NoSuchProduct" && /organization .*tag /.test(e.message));
  });
});
