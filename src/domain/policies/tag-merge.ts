import { SETTING_ORDER, VALUE_OPS, type SettingName, type TagPolicyDoc, type TagStatement, type ValueOp } from "./tag-syntax.js";

/** The merged rules for one tag key. */
export interface EffectiveStatement {
  /** the policy key as first written, from the highest level that defines it */
  key: string;
  values: Map<SettingName, string | string[]>;
}

/** An effective tag policy: the merged statements by lower-cased policy key, in order of first appearance. */
export type EffectiveTagPolicy = Map<string, EffectiveStatement>;

/** At most this many tag keys make it into an effective policy; keys beyond are not merged. */
export const MAX_EFFECTIVE_KEYS = 50;

interface KeyState extends EffectiveStatement {
  /** operators still allowed below, per setting (absent: all) and for the whole key */
  allowed: Map<SettingName, ReadonlySet<ValueOp>>;
  keyAllowed: ReadonlySet<ValueOp>;
}

const ALL: ReadonlySet<ValueOp> = new Set(VALUE_OPS);
const intersect = (a: ReadonlySet<ValueOp>, b: readonly ValueOp[]) => new Set([...a].filter((op) => b.includes(op)));
const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Apply one level's statements for one key to the inherited state. */
function applyLevel(state: KeyState, statements: readonly TagStatement[]): void {
  const names = new Set(statements.flatMap((s) => [...s.settings.keys()]));
  for (const name of names) {
    const allowed = intersect(state.allowed.get(name) ?? ALL, [...state.keyAllowed]);
    const ops = statements.map((s) => s.settings.get(name)).filter((o) => o !== undefined);
    let value = state.values.get(name);
    // the first policy attached at this level that assigns the setting wins over its siblings' assignments
    const assigning = ops.find((o) => o.assign !== undefined);
    if (assigning && allowed.has("@@assign")) value = Array.isArray(assigning.assign) ? [...assigning.assign] : assigning.assign;
    for (const o of ops) {
      if (o.append && allowed.has("@@append")) value = [...new Set([...asList(value), ...o.append])];
      if (o.remove && allowed.has("@@remove") && Array.isArray(value)) value = value.filter((v) => !o.remove!.includes(v));
    }
    if (value !== undefined) state.values.set(name, value);
  }
  // restrictions declared at this level bind the levels below; siblings' restrictions intersect
  for (const s of statements) if (s.childOps) state.keyAllowed = intersect(state.keyAllowed, s.childOps);
  for (const name of names) {
    for (const s of statements) {
      const childOps = s.settings.get(name)?.childOps;
      if (childOps) state.allowed.set(name, intersect(state.allowed.get(name) ?? ALL, childOps));
    }
  }
}

/**
 * Merge tag policies down a path of the organization tree into the effective policy of its last
 * target. `levels` runs from the root department to the target (a member's own attachments are the
 * last level); each level lists the policies attached there in attachment order.
 *
 * Per setting of each tag key, from the top down: @@assign replaces what was inherited (at one
 * level, the first policy attached wins over its siblings' assignments), @@append adds to a list,
 * @@remove takes values out of an inherited list; an operator the levels above forbade with
 * @@operators_allowed_for_child_policies is ignored. Restrictions from policies attached at one
 * level intersect.
 */
export function mergeTagPolicies(levels: readonly (readonly TagPolicyDoc[])[]): EffectiveTagPolicy {
  const states = new Map<string, KeyState>();
  for (const policies of levels) {
    const byKey = new Map<string, TagStatement[]>();
    for (const p of policies) {
      for (const [lower, s] of p.statements) {
        const list = byKey.get(lower) ?? [];
        list.push(s);
        byKey.set(lower, list);
      }
    }
    for (const [lower, statements] of byKey) {
      let state = states.get(lower);
      if (!state) {
        if (states.size >= MAX_EFFECTIVE_KEYS) continue;
        state = { key: statements[0].key, values: new Map(), allowed: new Map(), keyAllowed: ALL };
        states.set(lower, state);
      }
      applyLevel(state, statements);
    }
  }
  return new Map([...states].map(([lower, s]) => [lower, { key: s.key, values: s.values }]));
}

/** The tag key a merged statement governs: its tag_key, or the policy key when none was given. */
export const tagKeyOf = (s: EffectiveStatement): string => {
  const k = s.values.get("tag_key");
  return typeof k === "string" ? k : s.key;
};

/**
 * The effective policy as a document: operators resolved into plain values,
 * `{"tags":{"<key>":{"tag_key":"...","tag_value":[...],...}}}`.
 */
export function renderEffectivePolicy(effective: EffectiveTagPolicy): string {
  const tags: Record<string, Record<string, string | string[]>> = {};
  for (const s of effective.values()) {
    const out: Record<string, string | string[]> = { tag_key: tagKeyOf(s) };
    for (const name of SETTING_ORDER) {
      const v = s.values.get(name);
      if (v !== undefined && name !== "tag_key") out[name] = v;
    }
    tags[s.key] = out;
  }
  return JSON.stringify({ tags });
}
