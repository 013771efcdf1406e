import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ApiError } from "../../src/protocol/api-error.js";
import { namedService, serviceOf } from "../../src/rpc/services.js";

/** the versions Organization's namespaces have */
const ORG = (v: string) => ["2021-03-31", "2018-12-25", "operator"].includes(v);
const named = (scope: string | undefined, host: string) => namedService(scope, { host });

describe("the service a request names", () => {
  it("is the credential scope's service when it is a service name (the Go SDK's rule; the Node SDK at tag.<domain>)", () => {
    assert.deepEqual(named("tag", "127.0.0.1:9500"), { service: "tag", from: "scope", hostLabel: false });
    assert.deepEqual(named("organization", "tag.tco.local"), { service: "organization", from: "scope", hostLabel: false });
    assert.deepEqual(named("tco", "tco.example.com:9500"), { service: "tco", from: "scope", hostLabel: true });
  });

  it("is the Host's first label of a <service>.<domain> name when the scope names none, and for v1 requests", () => {
    assert.deepEqual(named("127", "tag.tco.local:9500"), { service: "tag", from: "host", hostLabel: true });
    assert.deepEqual(named(undefined, "cvm.tco.local"), { service: "cvm", from: "host", hostLabel: true });
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
    assert.equal(serviceOf("127", { host: "127.0.0.1:9500" }, "2021-03-31", ORG), "organization");
    assert.equal(serviceOf(undefined, { host: "tag.example.com" }, "2018-08-13", ORG), "tag");
    assert.throws(() => serviceOf("cvm", { host: "127.0.0.1:9500" }, "2017-03-12", ORG), (e) => e instanceof ApiError && e.code === "NoSuchProduct" && /organization .*tag /.test(e.message));
  });

  it("is Organization's for a client pointed at a host name of TCO's own, when the version is Organization's", () => {
    // the Node SDK at tco.example.com:9500 signs `tco`; the Go SDK would sign `organization`
    assert.equal(serviceOf("tco", { host: "tco.example.com:9500" }, "2021-03-31", ORG), "organization");
    assert.equal(serviceOf(undefined, { host: "tco.example.com:9500" }, "2018-12-25", ORG), "organization");
    assert.equal(serviceOf("tco", { host: "tco.example.com:9500" }, "operator", ORG), "organization");
    // a CVM client pointed at cvm.<domain> names a product: its version is not Organization's
    assert.throws(() => serviceOf("cvm", { host: "cvm.tco.local" }, "2017-03-12", ORG), (e) => e instanceof ApiError && e.code === "NoSuchProduct");
    // the Go SDK's CVM client writes cvm in the scope whatever the host: a product, not a host name
    assert.throws(() => serviceOf("cvm", { host: "tco.example.com" }, "2021-03-31", ORG), (e) => e instanceof ApiError && e.code === "NoSuchProduct");
  });
});
