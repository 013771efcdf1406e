import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ResponseParser } from "../../bench/driver/response-parser.js";

const feed = (parser: ResponseParser, text: string, cut: number[]) => {
  let last;
  let from = 0;
  for (const to of [...cut, text.length]) {
    last = parser.push(Buffer.from(text.slice(from, to), "latin1"));
    if (to < text.length) assert.equal(last, undefined, `complete too early at ${to}`);
    from = to;
  }
  return last;
};

describe("bench response parser", () => {
  it("reads a Content-Length body delivered in pieces", () => {
    const text = 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{"a":"bcd"}';
    const res = feed(new ResponseParser(), text, [5, 40, 70]);
    assert.deepEqual({ status: res?.status, body: res?.body.toString(), close: res?.close }, { status: 200, body: '{"a":"bcd"}', close: false });
  });

  it("reads a chunked body and notices Connection: close", () => {
    const text = "HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n4\r\nabcd\r\n3\r\nefg\r\n0\r\n\r\n";
    const res = feed(new ResponseParser(), text, [80, 86]);
    assert.deepEqual({ status: res?.status, body: res?.body.toString(), close: res?.close }, { status: 400, body: "abcdefg", close: true });
  });

  it("reads consecutive responses on one connection", () => {
    const parser = new ResponseParser();
    for (const body of ["one", "second"]) {
      const res = parser.push(Buffer.from(`HTTP/1.1 200 OK\r\ncontent-length: ${body.length}\r\n\r\n${body}`));
      assert.equal(res?.body.toString(), body);
    }
  });
});
