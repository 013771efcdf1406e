/**
 * What policy documents may name: the Tencent Cloud services CAM knows (service-type abbreviations
 * used in actions and six-segment resources), the resource types this server checks for a few of
 * them, CAM's condition operators, and the services whose resources can carry tags. The lists are
 * the commonly documented ones; a service missing here is refused as unknown, so extend them when
 * a real document needs more.
 */

/** Service types of CAM actions (`cvm:RunInstances`) and resources (`qcs::cvm:...`). */
export const CAM_SERVICES: ReadonlySet<string> = new Set([
  "account", "antiddos", "apigw", "as", "asr", "batch", "billing", "bm", "cam", "captcha", "cbs", "ccn", "cdb", "cdn",
  "cfs", "chdfs", "ci", "ckafka", "clb", "cloudaudit", "cls", "cmq", "cos", "csip", "cvm", "cwp", "cynosdb", "dayu",
  "dbbrain", "dc", "dcdb", "dlc", "dnspod", "domain", "dts", "ecdn", "ecm", "eip", "emr", "es", "faceid", "finance",
  "gaap", "iotcloud", "iotexplorer", "keewidb", "kms", "lighthouse", "live", "mariadb", "memcached", "mongodb",
  "monitor", "nlp", "oceanus", "ocr", "organization", "postgres", "redis", "scf", "ses", "sms", "sqlserver", "ssa",
  "ssl", "ssm", "sts", "tag", "tat", "tcaplusdb", "tcb", "tcr", "tdmq", "tem", "teo", "tione", "tke", "tmt", "tms",
  "trtc", "tsf", "tts", "vod", "vpc", "vpn", "waf", "wedata",
]);

/**
 * The resource types this server knows for some services (the part before "/" in a six-segment
 * resource's last segment); resources of other services are not checked this far.
 */
export const CAM_RESOURCE_TYPES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["cvm", new Set(["instance", "volume", "image", "keypair", "sg", "eip", "snapshot", "dedicatedhost", "launchtemplate", "placementgroup"])],
  ["vpc", new Set(["vpc", "subnet", "rtb", "eni", "natgw", "vpngw", "vpnx", "cgw", "dcg", "ccn", "acl", "address", "havip", "flowlog", "sslvpngw"])],
  ["clb", new Set(["clb", "loadbalancer", "listener"])],
  ["cdb", new Set(["instanceId"])],
  ["cam", new Set(["uin", "roleName", "role", "group", "policy", "saml-provider"])],
]);

/** Service principals (`"service": ["cvm.qcloud.com"]`) CAM documents. */
export const SERVICE_PRINCIPALS: ReadonlySet<string> = new Set([...CAM_SERVICES].map((s) => `${s}.qcloud.com`));

/** CAM condition operators; each may end in `_if_exist` and start with `for_all_value:` or `for_any_value:`. */
export const CONDITION_OPERATORS: ReadonlySet<string> = new Set([
  "string_equal", "string_not_equal", "string_equal_ignore_case", "string_not_equal_ignore_case", "string_like", "string_not_like",
  "numeric_equal", "numeric_not_equal", "numeric_less_than", "numeric_less_than_equal", "numeric_greater_than", "numeric_greater_than_equal",
  "date_equal", "date_not_equal", "date_less_than", "date_less_than_equal", "date_greater_than", "date_greater_than_equal",
  "ip_equal", "ip_not_equal", "bool_equal", "null_equal",
]);

/** Services whose resources can carry tags: what a tag policy's resource types may name. */
export const TAG_SERVICES: ReadonlySet<string> = new Set([
  "apigw", "cbs", "cdb", "cdn", "cfs", "ckafka", "clb", "cls", "cos", "cvm", "cynosdb", "dcdb", "emr", "es", "gaap",
  "kms", "lighthouse", "live", "mariadb", "mongodb", "postgres", "redis", "scf", "sqlserver", "ssl", "ssm", "tcr",
  "tdmq", "tem", "tke", "vod", "vpc", "waf",
]);
