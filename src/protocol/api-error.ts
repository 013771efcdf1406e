import type { ErrorCode } from "../spec/generated/errors.js";

export type Language = "en" | "zh";

/** A message in both languages; a plain string serves both. */
export type Message = string | { en: string; zh: string };

/**
 * An error answered to the caller in the standard envelope (HTTP 200). Domain and protocol code
 * throw it; anything else that escapes a handler becomes InternalError.
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly text?: Message;

  constructor(code: ErrorCode, text?: Message) {
    // No stack trace: the envelope never shows one, and capturing it was most of the cost of an
    // answered error (a rejected signature, a missing parameter).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(typeof text === "string" ? text : text?.en ?? code);
    Error.stackTraceLimit = limit;
    this.code = code;
    this.text = text;
    this.name = "ApiError";
  }

  /** The same error answered under another code (a version's spelling of a shared rule's code). */
  withCode(code: ErrorCode): ApiError {
    return new ApiError(code, this.text);
  }

  /** The message in the caller's language, or a sentence made from the code when none was given. */
  messageIn(lang: Language): string {
    if (this.text === undefined) return describeCode(this.code, lang);
    return typeof this.text === "string" ? this.text : this.text[lang];
  }
}

/** "FailedOperation.OrganizationNodeNameUsed" → "Failed operation: organization node name used." */
export function describeCode(code: string, lang: Language): string {
  const words = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2").toLowerCase();
  const [head, tail] = code.split(".", 2);
  const sentence = tail ? `${words(head)}: ${words(tail)}.` : `${words(head)}.`;
  const en = sentence.charAt(0).toUpperCase() + sentence.slice(1);
  return lang === "zh" ? `错误 ${code}（${en}）` : en;
}
