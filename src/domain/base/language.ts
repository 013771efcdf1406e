import type { Language } from "../../protocol/api-error.js";

/** The language a `Lang` parameter asks for ("en" or "zh"); the request's language otherwise. */
export function langParam(lang: string | undefined, fallback: Language): Language {
  return lang === "en" || lang === "zh" ? lang : fallback;
}
