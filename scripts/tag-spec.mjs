// Generation of the Tag API files for gen-spec.mjs: the schema and types of the actions TCO serves
// (scripts/tag-api.mjs), and the data structures they reach; nothing else of the Tag API.
import { TAG_ACTION_CODES, TAG_VERSION } from "./tag-api.mjs";

export { TAG_ACTION_CODES, TAG_VERSION };

/** The served actions, sorted, and every object their inputs and outputs reach. */
function servedPart(api) {
  const actionNames = Object.keys(TAG_ACTION_CODES).sort();
  const objectNames = new Set();
  const visit = (name) => {
    if (objectNames.has(name) || !api.objects[name]) return;
    objectNames.add(name);
    for (const m of api.objects[name].members) visit(m.member);
  };
  for (const a of actionNames) {
    if (!api.actions[a]) throw new Error(`tag-api.mjs names ${a}, which tag-${TAG_VERSION}.api.json does not have`);
    visit(api.actions[a].input);
    visit(api.actions[a].output);
  }
  return { actionNames, objectNames: [...objectNames].sort() };
}

/**
 * Files of the served Tag API actions: `tag-v20180813.ts` (request, response and structure types,
 * by the same rules as the organization versions) and `tag-schema.ts` (the runtime schema).
 * `tools` are gen-spec's own helpers, so both APIs are generated alike.
 */
export function tagSpecFiles(api, { header, memberTs, tupleOf, actionCodesTs }) {
  const { actionNames, objectNames } = servedPart(api);
  const objects = {};
  for (const name of objectNames) objects[name] = api.objects[name].members.filter((m) => m.name !== "RequestId").map(tupleOf);
  const actions = {};
  for (const a of actionNames) actions[a] = [api.actions[a].input, api.actions[a].output];

  let ts = header + `/* eslint-disable */\n/** Request, response and data-structure types of the Tag API ${TAG_VERSION}: the actions TCO serves. */\n\n`;
  for (const name of objectNames) {
    const obj = api.objects[name];
    const isRequest = actionNames.some((a) => api.actions[a].input === name);
    ts += `export interface ${name} {\n`;
    for (const m of obj.members.filter((m) => m.name !== "RequestId")) {
      const required = isRequest || obj.usage === "in" || obj.usage === "both" ? m.required : m.output_required;
      const nullable = !isRequest && obj.usage !== "in" && m.value_allowed_null ? " | null" : "";
      ts += `  ${m.name}${required ? "" : "?"}: ${memberTs(m)}${nullable};\n`;
    }
    ts += `}\n\n`;
  }
  ts += `/** Every served action of the Tag API with its input and output (RequestId excluded). */\nexport interface Actions {\n`;
  for (const a of actionNames) ts += `  ${a}: { input: ${api.actions[a].input}; output: ${api.actions[a].output} };\n`;
  ts += `}\n\nexport type ActionName = keyof Actions;\n\nexport const ACTION_NAMES: readonly ActionName[] = ${JSON.stringify(actionNames)};\n`;
  ts += actionCodesTs(actionNames, TAG_ACTION_CODES, `the Tag API ${TAG_VERSION}`);

  let schemaTs = header + `import type { SpecSchema } from "../schema-types.js";\n\n`;
  schemaTs += `/** The served actions of the Tag API ${TAG_VERSION}; member tuples as in schema.ts. */\n`;
  schemaTs += `export const TAG_SCHEMA: SpecSchema = ${JSON.stringify({ actions, objects })};\n`;
  return new Map([
    ["tag-v20180813.ts", ts],
    ["tag-schema.ts", schemaTs],
  ]);
}
