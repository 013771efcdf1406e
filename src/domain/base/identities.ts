import type { Language } from "../../protocol/api-error.js";

/** Built-in identity every created member supports: the OrganizationAccessControlRole login role. */
export const LOGIN_IDENTITY_ID = 1;

/** Alias names of the built-in identities per language; custom identities keep the name they were given. */
const BUILT_IN_ALIASES: ReadonlyMap<number, { en: string; zh: string }> = new Map([[LOGIN_IDENTITY_ID, { en: "Login access", zh: "登录访问" }]]);

/** The name shown for an identity in the caller's language. */
export function identityAlias(identityId: number, aliasName: string, lang: Language): string {
  return BUILT_IN_ALIASES.get(identityId)?.[lang] ?? aliasName;
}

/** The built-in identity going by this name in either language, if any. */
export function builtInIdentityNamed(name: string): number | undefined {
  for (const [id, names] of BUILT_IN_ALIASES) if (names.en === name || names.zh === name) return id;
  return undefined;
}

/** Built-in identities whose name in the caller's language contains `text` (case-insensitive). */
export function builtInIdentitiesMatching(text: string, lang: Language): number[] {
  const needle = text.toLowerCase();
  return [...BUILT_IN_ALIASES].filter(([, names]) => names[lang].toLowerCase().includes(needle)).map(([id]) => id);
}
