import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type { Logger } from "pino";
import type { Context, DomainSettings } from "../domain/base/context.js";
import { RANDOM_IDS, type Ids } from "../domain/base/ids.js";
import { LIFECYCLE } from "../domain/registry.js";
import { ApiError, type Language } from "../protocol/api-error.js";
import { header, verifyTc3, verifyV1, type SignedRequest } from "../protocol/authenticate.js";
import { CredentialCache, type Credential } from "../protocol/credentials.js";
import { parseFlat, parseJsonBody, unflatten } from "../protocol/params.js";
import { RateLimiter, rateLimitOf } from "../protocol/rate-limit.js";
import { parseTc3Authorization } from "../protocol/tc3.js";
import { V1_COMMON_PARAMS } from "../protocol/v1.js";
import type { ParamShape } from "../protocol/validate.js";
import type { Store } from "../store/store.js";
import { DEFAULT_TASK_DELAY_MS, TaskService } from "../tasks/service.js";
import { TaskTypes } from "../tasks/task-types.js";
import { Faults } from "./faults.js";
import { servedNamespaces, type ServedNamespace } from "./namespaces.js";
import { noSuchVersion, serviceOf, unknownAction } from "./services.js";

export interface RawRequest {
  method: string;
  /** request target as received: origin-form (`/?a=b`) or absolute-form (`http://host/?a=b`) */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** set when the body was cut off at the size limit */
  bodyTooLarge?: boolean;
}

export interface RpcDeps {
  store: Store;
  settings: DomainSettings;
  log: Logger;
  /** calls per second per caller and action for every action (0 = unlimited); unset: each action's documented limit */
  rateLimit?: number;
  /** message language when the request names none */
  defaultLanguage: Language;
  maxBodyBytes: number;
  now?: () => number;
  /** the server's task service (shared with its runner); one without task types, on `store`, when absent */
  tasks?: TaskService;
  /** new ids; random ones unless given (tests) */
  ids?: Ids;
}

interface CallInfo {
  service: string;
  action: string;
  version: string;
  uin: number;
  /** the sub-account signing for `uin`, if any */
  subUin?: number;
  lang: Language;
}


const languageOf = (v: string | undefined): Language | undefined => (v === "zh-CN" ? "zh" : v === "en-US" ? "en" : undefined);

/**
 * The API 3.0 endpoint: raw request → signature check → namespace and action → rate limit →
 * validation → injected fault → the action (its contract, then its handler) → envelope. Always
 * answers HTTP 200 with a JSON envelope. It lives above src/protocol (signatures, envelope,
 * validation) and src/domain (the actions), which never import it.
 */
export class RpcService {
  readonly faults = new Faults();
  readonly credentials: CredentialCache;
  private readonly limiter: RateLimiter;
  /** by service and version: `${service} ${version}` */
  private readonly namespaces: Map<string, ServedNamespace> = servedNamespaces();
  private readonly now: () => number;
  private readonly tasks: TaskService;

  constructor(private readonly deps: RpcDeps) {
    this.now = deps.now ?? Date.now;
    this.tasks = deps.tasks ?? new TaskService({ store: deps.store, types: new TaskTypes(), delayMs: DEFAULT_TASK_DELAY_MS, log: deps.log, now: this.now });
    this.credentials = new CredentialCache(deps.store);
    this.limiter = new RateLimiter();
  }

  /** Answer one request: the JSON envelope text. */
  async handle(req: RawRequest): Promise<string> {
    const requestId = randomUUID();
    const started = performance.now();
    const info: CallInfo = { service: "", action: "", version: "", uin: 0, lang: this.deps.defaultLanguage };
    let body: string;
    let code = "";
    try {
      const output = await this.process(req, requestId, info);
      body = JSON.stringify({ Response: { ...output, RequestId: requestId } });
    } catch (e) {
      let err: ApiError;
      if (e instanceof ApiError) {
        err = e;
      } else {
        this.deps.log.error({ err: e, requestId, action: info.action }, "unexpected error");
        err = new ApiError("InternalError", { en: "An internal error occurred; the server log has details under this RequestId.", zh: "服务内部错误，详情见服务端日志中此 RequestId 的记录。" });
      }
      code = err.code;
      body = JSON.stringify({ Response: { Error: { Code: err.code, Message: err.messageIn(info.lang) }, RequestId: requestId } });
    }
    this.deps.log.info(
      { requestId, service: info.service || undefined, action: info.action, version: info.version, uin: info.uin || undefined, subUin: info.subUin, code: code || "OK", ms: Math.round((performance.now() - started) * 100) / 100 },
      "request",
    );
    return body;
  }

  /**
   * The envelope for a request node:http refused before it could be read because its request line
   * and headers exceed `maxHeaderBytes` (a GET query over the size limit): RequestSizeLimitExceeded,
   * in the server's default language since the request's own could not be read; logged like a request.
   */
  refuseOversized(maxHeaderBytes: number): string {
    const requestId = randomUUID();
    const err = new ApiError("RequestSizeLimitExceeded", {
      en: `The request line and headers exceed ${maxHeaderBytes} bytes; a query string may hold up to ${this.deps.maxBodyBytes} bytes.`,
      zh: `请求行与请求头超过 ${maxHeaderBytes} 字节；查询字符串最多 ${this.deps.maxBodyBytes} 字节。`,
    });
    this.deps.log.info({ requestId, code: err.code }, "request");
    return JSON.stringify({ Response: { Error: { Code: err.code, Message: err.messageIn(this.deps.defaultLanguage) }, RequestId: requestId } });
  }

  private async process(req: RawRequest, requestId: string, info: CallInfo): Promise<object> {
    const method = req.method.toUpperCase();
    if (method !== "GET" && method !== "POST") {
      throw new ApiError("UnsupportedProtocol", { en: `HTTP method ${method} is not supported; use GET or POST.`, zh: `不支持 HTTP 方法 ${method}，请使用 GET 或 POST。` });
    }
    if (req.bodyTooLarge) {
      throw new ApiError("RequestSizeLimitExceeded", {
        en: `The request body exceeds ${this.deps.maxBodyBytes} bytes.`,
        zh: `请求体超过 ${this.deps.maxBodyBytes} 字节。`,
      });
    }
    const { path, query } = splitTarget(req.url);
    // a GET carries its parameters in the query: it gets the room a POST body has (node:http lets a
    // little more through, for the headers beside it)
    if (query.length > this.deps.maxBodyBytes) {
      throw new ApiError("RequestSizeLimitExceeded", {
        en: `The query string exceeds ${this.deps.maxBodyBytes} bytes.`,
        zh: `查询字符串超过 ${this.deps.maxBodyBytes} 字节。`,
      });
    }
    const contentType = (header(req.headers, "content-type") ?? "").toLowerCase();
    if (contentType.startsWith("multipart/")) {
      throw new ApiError("InvalidRequest", { en: "Multipart request bodies are not supported by this service.", zh: "本服务不支持 multipart 请求体。" });
    }
    const flat = method === "GET" ? parseFlat(query) : contentType.startsWith("application/x-www-form-urlencoded") ? parseFlat(req.body.toString("utf8")) : undefined;
    const signed: SignedRequest = { method, path, query, headers: req.headers, body: req.body };
    const authorization = header(req.headers, "authorization");
    const now = this.now();

    let cred: Credential;
    let shape: ParamShape;
    let params: Record<string, unknown> | undefined;
    let scope: string | undefined;
    if (authorization !== undefined) {
      info.lang = languageOf(header(req.headers, "x-tc-language")) ?? info.lang;
      info.action = header(req.headers, "x-tc-action") ?? "";
      info.version = header(req.headers, "x-tc-version") ?? "";
      cred = await verifyTc3(signed, authorization, this.credentials, now);
      scope = parseTc3Authorization(authorization)?.service;
      shape = flat ? "flat" : "json";
      params = flat ? unflatten(flat) : undefined;
    } else if (flat && flat.Signature !== undefined) {
      info.lang = languageOf(flat.Language) ?? info.lang;
      info.action = flat.Action ?? "";
      info.version = flat.Version ?? "";
      cred = await verifyV1(signed, flat, this.credentials, now);
      shape = "flat";
      params = unflatten(flat, V1_COMMON_PARAMS);
    } else {
      throw new ApiError("AuthFailure.InvalidAuthorization", {
        en: "The request is not signed: send a TC3-HMAC-SHA256 Authorization header or v1 Signature parameters.",
        zh: "请求未签名：请携带 TC3-HMAC-SHA256 的 Authorization 头或 v1 签名参数。",
      });
    }
    info.uin = cred.account.uin;
    info.subUin = cred.subUin;

    if (!info.action) throw new ApiError("MissingParameter", { en: "Missing required parameter `Action` (X-TC-Action).", zh: "缺少必选参数`Action`（X-TC-Action）。" });
    if (!info.version) throw new ApiError("MissingParameter", { en: "Missing required parameter `Version` (X-TC-Version).", zh: "缺少必选参数`Version`（X-TC-Version）。" });
    info.service = serviceOf(scope, req.headers, info.version, (v) => this.namespaces.has(`organization ${v}`));
    const ns = this.namespaces.get(`${info.service} ${info.version}`);
    if (!ns) throw noSuchVersion(info.service, info.version);
    if (!Object.hasOwn(ns.schema.actions, info.action)) throw unknownAction(info.service, info.version, info.action, Object.keys(ns.schema.actions));
    // a sub-account acts for its owner, but never with the operator's powers
    const isRoot = cred.account.is_root === 1 && cred.subUin === undefined;
    if (ns.rootOnly && !isRoot) {
      throw new ApiError("UnauthorizedOperation", { en: "Only the root account's keys may call the operator API.", zh: "只有根账号的密钥可以调用运维接口。" });
    }
    // counted per calling identity — the sub-account when a sub-account's key signed — as the API's
    // limits are (https://cloud.tencent.com/document/product/1278/109059: API + region + sub-account)
    const limit = rateLimitOf(info.action, ns.rateLimits, this.deps.rateLimit);
    if (!this.limiter.take(`${info.subUin ?? info.uin}\n${info.version}\n${info.action}`, limit, now)) {
      throw new ApiError("RequestLimitExceeded", {
        en: `Too many calls of ${info.action}: its limit is ${limit} per second for each calling account.`,
        zh: `接口 ${info.action} 调用过于频繁：每个调用账号每秒最多 ${limit} 次。`,
      });
    }
    const input = ns.validators.input(info.action, params ?? parseJsonBody(req.body), shape);
    this.faults.trip(info.version, info.action, info.uin);

    const ctx: Context = {
      caller: { uin: info.uin, isRoot, ...(cred.subUin !== undefined ? { subUin: cred.subUin } : {}) },
      store: this.deps.store,
      now: this.now,
      ids: this.deps.ids ?? RANDOM_IDS,
      requestId,
      action: info.action,
      version: info.version,
      lang: info.lang,
      settings: this.deps.settings,
      hooks: LIFECYCLE,
      tasks: this.tasks,
    };
    return ns.call(info.action, input, ctx, { faults: this.faults, credentials: this.credentials });
  }
}

/** Path and raw query of an origin-form or absolute-form request target. */
function splitTarget(url: string): { path: string; query: string } {
  let target = url;
  if (!target.startsWith("/")) {
    try {
      const u = new URL(target);
      target = u.pathname + u.search;
    } catch {
      target = "/";
    }
  }
  const q = target.indexOf("?");
  return q < 0 ? { path: target, query: "" } : { path: target.slice(0, q), query: target.slice(q + 1) };
}

