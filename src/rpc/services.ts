import type { IncomingHttpHeaders } from "node:http";
import { ApiError } from "../protocol/api-error.js";
import { header } from "../protocol/authenticate.js";

/** The services this server answers, with their API versions (the operator API rides on organization). */
export const SERVED: Readonly<Record<string, { label: { en: string; zh: string }; versions: readonly string[] }>> = {
  organization: { label: { en: "Organization API", zh: "集团账号管理 API" }, versions: ["2021-03-31", "2018-12-25"] },
  tag: { label: { en: "Tag API (its resource-tag actions)", zh: "标签 API（资源标签接口）" }, versions: ["2018-08-13"] },
};

/** Requests that name no service are Organization's: an SDK pointed at an IP address signs `127` and sends Host 127.0.0.1. */
export const DEFAULT_SERVICE = "organization";

/** A service name as Tencent Cloud spells them in host names and credential scopes (cvm, organization, tag). */
const SERVICE_RE = /^[a-z][a-z0-9]*$/;

export interface NamedService {
  service: string;
  /** where the request named it */
  from: "scope" | "host";
  /**
   * whether the name is only the first label of the Host the client was pointed at (the Node SDK
   * signs that label): `tco` for tco.example.com names a host, not necessarily a product
   */
  hostLabel: boolean;
}

/**
 * The service a request names, if it names one. The credential scope comes first: the Go SDK
 * writes the real service name there, and the Node SDK writes the endpoint's first label (`tag`
 * for tag.example.com:9500, but `127` for 127.0.0.1:9500 and `myhost:9500` for myhost:9500, which
 * name none). Next the Host header's first label, when the host is a `<service>.<domain>` name
 * (how Tencent Cloud's endpoints and the Terraform provider's TENCENTCLOUD_DOMAIN name services);
 * v1 signatures have only this. A single-label host (localhost, a container's name) names none,
 * nor does a scope that merely repeats it. A name that is only the Host's first label may be the
 * host's own name rather than a product's: serviceOf lets the version decide then.
 */
export function namedService(scope: string | undefined, headers: IncomingHttpHeaders): NamedService | undefined {
  const host = (header(headers, "host") ?? "").toLowerCase();
  const hostname = host.startsWith("[") ? host : host.split(":")[0];
  const labels = hostname.split(".");
  const hostLabel = labels.length >= 2 && SERVICE_RE.test(labels[0]) ? labels[0] : undefined;
  if (scope !== undefined && SERVICE_RE.test(scope) && !(labels.length === 1 && scope === hostname)) return { service: scope, from: "scope", hostLabel: scope === hostLabel };
  if (hostLabel !== undefined) return { service: hostLabel, from: "host", hostLabel: true };
  return undefined;
}

const list = (lang: "en" | "zh") =>
  Object.entries(SERVED)
    .map(([name, s]) => (lang === "en" ? `${name} (${s.label.en}, version ${s.versions.join(" and ")})` : `${name}（${s.label.zh}，版本 ${s.versions.join("、")}）`))
    .join(lang === "en" ? " and " : "和");

/**
 * The service a request is for → NoSuchProduct when it names one this server does not answer.
 * NoSuchProduct is the common code for a product that does not exist (the common error list,
 * ../shared/spec/common-errors.json): from this endpoint's side, a `cvm` request addresses a product
 * that is not here. InvalidAction (an action unknown to a known service) and UnsupportedOperation
 * (an operation refused in the current state) would both suggest the service itself was found.
 */
export function serviceOf(scope: string | undefined, headers: IncomingHttpHeaders, version: string, organizationHas: (version: string) => boolean): string {
  const named = namedService(scope, headers);
  if (!named) return DEFAULT_SERVICE;
  if (Object.hasOwn(SERVED, named.service)) return named.service;
  // TCO served at a name of its own (tco.example.com:9500): the Node SDK signs `tco`; a version
  // of Organization's (the operator API's included) then says which service the client meant
  if (named.hostLabel && organizationHas(version)) return DEFAULT_SERVICE;
  const where = named.from === "scope" ? { en: "its credential scope", zh: "签名凭证范围" } : { en: "its Host header", zh: "Host 头" };
  throw new ApiError("NoSuchProduct", {
    en: `The request is for service ${named.service} (named by ${where.en}); this server answers ${list("en")} only.`,
    zh: `请求的服务为 ${named.service}（由${where.zh}指定）；本服务只提供 ${list("zh")}。`,
  });
}

/** A version the named service does not have → NoSuchVersion, naming the versions it has. */
export function noSuchVersion(service: string, version: string): ApiError {
  const s = SERVED[service];
  return new ApiError("NoSuchVersion", {
    en: `Version ${version} does not exist; the ${s.label.en} has ${s.versions.join(" and ")}.`,
    zh: `版本 ${version} 不存在；${s.label.zh}的版本为 ${s.versions.join("、")}。`,
  });
}

/** An action the namespace does not have → InvalidAction; for the Tag API, naming the actions served. */
export function unknownAction(service: string, version: string, action: string, served: readonly string[]): ApiError {
  if (service === DEFAULT_SERVICE) {
    return new ApiError("InvalidAction", { en: `Action ${action} does not exist in version ${version}.`, zh: `接口 ${action} 在版本 ${version} 中不存在。` });
  }
  return new ApiError("InvalidAction", {
    en: `Action ${action} is not served in version ${version} of the ${SERVED[service].label.en}; this server serves ${served.join(", ")}.`,
    zh: `本服务的${SERVED[service].label.zh}版本 ${version} 不提供接口 ${action}；提供的接口为 ${served.join("、")}。`,
  });
}
