import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { maskMail, maskPhone } from "../../src/domain/base/personal-data.js";

describe("masking personal data in answers", () => {
  it("keeps an address's first two characters and its domain, as 2018-12-25's GetOrganization example shows", () => {
    assert.equal(maskMail("2345678@qq.com"), "23***@qq.com");
    assert.equal(maskMail("alice.smith@example.com"), "al***@example.com");
    assert.equal(maskMail("ab@x.com"), "a***@x.com", "a short local part shows one character");
    assert.equal(maskMail("a@x.com"), "a***@x.com");
    assert.equal(maskMail("not-an-address"), "no***");
    assert.equal(maskMail(""), "");
  });

  it("keeps a phone number's first and last two digits, as DescribeOrganizationMemberEmailBind's example shows", () => {
    assert.equal(maskPhone("18612345632"), "18***32");
    assert.equal(maskPhone("13800000001"), "13***01");
    assert.equal(maskPhone("1234"), "1***", "too short to show four digits");
    assert.equal(maskPhone(""), "");
  });
});
