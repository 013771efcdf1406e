import assert from "node:assert/strict";
import { connect, type Socket } from "node:net";
import { after, before, describe, it } from "node:test";
import { errorCode, TcoServer, type TestAccount } from "../helpers/server.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A raw TCP connection to the server, recording what it receives and when it closes. */
interface RawConnection {
  socket: Socket;
  received(): string;
  isClosed(): boolean;
  /** resolves with the time (ms since `opened`) the server closed it, or undefined after `waitMs` */
  closed(waitMs: number): Promise<number | undefined>;
  opened: number;
}

function open(endpoint: string): Promise<RawConnection> {
  const [host, port] = endpoint.split(":");
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), host);
    let data = "";
    let closedAt: number | undefined;
    const waiters: (() => void)[] = [];
    socket.on("data", (d) => (data += d.toString("latin1")));
    socket.on("error", () => {});
    socket.on("close", () => {
      closedAt = performance.now();
      for (const w of waiters) w();
    });
    socket.once("connect", () => {
      const conn: RawConnection = {
        socket,
        opened: performance.now(),
        received: () => data,
        isClosed: () => closedAt !== undefined,
        closed: (waitMs) =>
          closedAt !== undefined
            ? Promise.resolve(closedAt - conn.opened)
            : new Promise((done) => {
                const timer = setTimeout(() => done(undefined), waitMs);
                waiters.push(() => {
                  clearTimeout(timer);
                  done(closedAt! - conn.opened);
                });
              }),
      };
      resolve(conn);
    });
    socket.once("error", reject);
  });
}

/** Send GET /healthz on a keep-alive connection and wait for its answer. */
async function healthz(conn: RawConnection): Promise<string> {
  const before = conn.received().length;
  conn.socket.write("GET /healthz HTTP/1.1\r\nHost: tco\r\nConnection: keep-alive\r\n\r\n");
  for (let i = 0; i < 100 && !conn.isClosed() && !conn.received().slice(before).includes('{"status":"ok"}'); i++) await new Promise((r) => setTimeout(r, 20));
  return conn.received().slice(before);
}

describe("GET requests as large as a POST body (maxHeaderSize follows TCO_MAX_BODY_BYTES)", () => {
  let server: TcoServer;
  let account: TestAccount;
  before(async () => {
    server = await TcoServer.start();
    account = await server.createAccount();
  });
  after(async () => {
    await server.stop();
  });

  it("a GET with a 100 KB query answers an ordinary envelope (node:http alone answers 431 past 16 KiB)", async () => {
    const c = server.client(account, "TC3-GET");
    try {
      await c.DescribeOrganizationMembers({ Offset: 0, Limit: 10, SearchKey: "x".repeat(100_000) });
    } catch (e) {
      const err = e as { code?: string; requestId?: string };
      assert.ok(err.code, `a transport error instead of an envelope: ${e}`);
      assert.notEqual(err.code, "RequestSizeLimitExceeded");
      assert.match(err.requestId ?? "", UUID);
    }
  });

  it("a GET whose query exceeds the body limit answers RequestSizeLimitExceeded in the envelope", async () => {
    const c = server.client(account, "TC3-GET");
    // just over 1 MiB: past TCO_MAX_BODY_BYTES, within node:http's header room
    assert.equal(await errorCode(c.DescribeOrganizationMembers({ Offset: 0, Limit: 10, SearchKey: "x".repeat(1024 * 1024 + 10) })), "RequestSizeLimitExceeded");
    // 2 MB: past node:http's limit too, answered from its 'clientError' event
    assert.equal(await errorCode(c.DescribeOrganizationMembers({ Offset: 0, Limit: 10, SearchKey: "x".repeat(2_000_000) })), "RequestSizeLimitExceeded");
    // and the server goes on serving
    assert.equal(await errorCode(c.DescribeOrganization({})), "ResourceNotFound.OrganizationNotExist");
  });
});

describe("slow clients are cut off after TCO_HEADERS_TIMEOUT_MS", () => {
  let server: TcoServer;
  before(async () => {
    server = await TcoServer.start({ env: { TCO_HEADERS_TIMEOUT_MS: "500", TCO_REQUEST_TIMEOUT_MS: "1000" } });
  });
  after(async () => {
    await server.stop();
  });

  it("a client trickling its headers gets 408 and loses the connection, while another client is served", async () => {
    const slow = await open(server.endpoint);
    slow.socket.write("GET /healthz HTTP/1.1\r\nHost: tco\r\n");
    const trickle = setInterval(() => slow.socket.writable && slow.socket.write("X-Slow: y\r\n"), 100);
    try {
      await new Promise((r) => setTimeout(r, 200));
      const accounts = await server.operator("ListAccounts", {});
      assert.ok(accounts.Accounts.length >= 1, "a normal client is served meanwhile");
      const closedAfter = await slow.closed(3000);
      assert.ok(closedAfter !== undefined, "the trickling client still holds its connection after 3 s");
      assert.ok(closedAfter >= 450, `cut after ${closedAfter.toFixed(0)} ms, before the 500 ms headers timeout`);
      assert.match(slow.received(), /^HTTP\/1\.1 408 /);
    } finally {
      clearInterval(trickle);
      slow.socket.destroy();
    }
  });

  it("an idle keep-alive connection is not cut by the headers timeout", async () => {
    const conn = await open(server.endpoint);
    assert.match(await healthz(conn), /^HTTP\/1\.1 200 /);
    assert.equal(await conn.closed(1200), undefined, "the idle keep-alive connection was closed");
    assert.match(await healthz(conn), /^HTTP\/1\.1 200 /);
    conn.socket.destroy();
  });
});

describe("TCO_MAX_CONNECTIONS caps open connections", () => {
  let server: TcoServer;
  before(async () => {
    server = await TcoServer.start({ env: { TCO_MAX_CONNECTIONS: "3" } });
  });
  after(async () => {
    await server.stop();
  });

  it("the fourth connection is closed unanswered while three are open; once one closes, a new one is served", async () => {
    const held = await Promise.all([open(server.endpoint), open(server.endpoint), open(server.endpoint)]);
    for (const conn of held) assert.match(await healthz(conn), /^HTTP\/1\.1 200 /, "each of the three is served");
    const fourth = await open(server.endpoint);
    fourth.socket.write("GET /healthz HTTP/1.1\r\nHost: tco\r\n\r\n");
    assert.notEqual(await fourth.closed(2000), undefined, "the fourth connection stays open");
    assert.equal(fourth.received(), "", "the fourth connection got an answer");

    held[0].socket.destroy();
    let served = "";
    for (let attempt = 0; attempt < 20 && !served.startsWith("HTTP/1.1 200 "); attempt++) {
      await new Promise((r) => setTimeout(r, 50));
      const next = await open(server.endpoint);
      served = await healthz(next);
      next.socket.destroy();
    }
    assert.match(served, /^HTTP\/1\.1 200 /, "a connection after one closed is served");
    for (const conn of held) conn.socket.destroy();
  });
});
