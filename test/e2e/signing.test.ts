import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { errorCode, SIGN_MODES, TcoServer } from "../helpers/server.js";

describe("the official SDK authenticates in every signing mode", () => {
  let server: TcoServer;
  before(async () => {
    server = await TcoServer.start();
  });
  after(async () => {
    await server.stop();
  });

  for (const mode of SIGN_MODES) {
    it(`${mode}: an incomplete request passes authentication and gets MissingParameter`, async () => {
      const code = await errorCode(server.client(undefined, mode).CreateOrganizationMember({ Name: "m1" } as never));
      assert.equal(code, "MissingParameter");
    });

    it(`${mode}: a wrong secret key gets AuthFailure.SignatureFailure`, async () => {
      const c = server.client({ secretId: (await server.createAccount()).secretId, secretKey: "not-the-key" }, mode);
      assert.equal(await errorCode(c.DescribeOrganization({})), "AuthFailure.SignatureFailure");
    });

    it(`${mode}: an unknown SecretId gets AuthFailure.SecretIdNotFound`, async () => {
      const c = server.client({ secretId: "AKIDdoesnotexist", secretKey: "x" }, mode);
      assert.equal(await errorCode(c.DescribeOrganization({})), "AuthFailure.SecretIdNotFound");
    });

    it(`${mode}: an unknown parameter gets UnknownParameter naming it`, async () => {
      try {
        await server.client(undefined, mode).DescribeOrganizationMembers({ Offset: 0, Limit: 10, Bogus: 1 } as never);
        assert.fail("expected UnknownParameter");
      } catch (e) {
        const err = e as { code: string; message: string };
        assert.equal(err.code, "UnknownParameter");
        assert.match(err.message, /Bogus/);
      }
    });

    it(`${mode}: nested list parameters are validated by their spec types`, async () => {
      try {
        await server.client(undefined, mode).DescribeOrganizationMembers({ Offset: 0, Limit: 10, Tags: [{ TagKey: "k" }] } as never);
        assert.fail("expected MissingParameter");
      } catch (e) {
        const err = e as { code: string; message: string };
        assert.equal(err.code, "MissingParameter");
        assert.match(err.message, /Tags\.0\.TagValue/);
      }
    });
  }

  it("answers messages in Chinese when the SDK asks for zh-CN", async () => {
    try {
      await server.client(undefined, "TC3-POST", "zh-CN").CreateOrganizationMember({ Name: "m1" } as never);
      assert.fail("expected MissingParameter");
    } catch (e) {
      assert.match((e as Error).message, /缺少必选参数/);
    }
  });
});
