import { ApiError } from "../protocol/api-error.js";
import { TASK_TYPE_PATTERN } from "../tasks/task-types.js";
import type { OperatorContext } from "./context.js";

/** Armed failures FailNextTasks accepts per task type. */
export const MAX_FAIL_NEXT_COUNT = 1_000_000;
/** Characters of a failure reason. */
export const MAX_FAIL_REASON_LENGTH = 1024;

interface FailNextTasksInput {
  TaskType: string;
  Count?: number;
  Reason?: string;
}

/**
 * FailNextTasks — make the next Count tasks created of TaskType (default 1) fail with Reason, in
 * every server process on this database (the count is kept there); it replaces what was armed
 * for the type, and Count 0 disarms it. The type is not checked against the types this process
 * knows: the tasks may be created by other processes.
 * @throws InvalidParameterValue (TaskType, Count or Reason out of form), MissingParameter (Reason)
 */
export async function failNextTasksAction(input: FailNextTasksInput, ctx: OperatorContext) {
  if (!TASK_TYPE_PATTERN.test(input.TaskType)) {
    throw new ApiError("InvalidParameterValue", {
      en: "Parameter `TaskType` must start with a letter and hold at most 64 letters, digits, `.`, `_` or `-`.",
      zh: "参数`TaskType`须以字母开头，最多 64 个字母、数字、`.`、`_` 或 `-`。",
    });
  }
  const count = input.Count ?? 1;
  if (count > MAX_FAIL_NEXT_COUNT) {
    throw new ApiError("InvalidParameterValue", { en: `Parameter \`Count\` must be at most ${MAX_FAIL_NEXT_COUNT}.`, zh: `参数\`Count\`不能超过 ${MAX_FAIL_NEXT_COUNT}。` });
  }
  const reason = input.Reason?.trim() ?? "";
  if (count > 0 && reason === "") {
    throw new ApiError("MissingParameter", { en: "Parameter `Reason` is required when `Count` is not 0.", zh: "`Count`不为 0 时，参数`Reason`必填。" });
  }
  if (reason.length > MAX_FAIL_REASON_LENGTH) {
    throw new ApiError("InvalidParameterValue", {
      en: `Parameter \`Reason\` must be at most ${MAX_FAIL_REASON_LENGTH} characters.`,
      zh: `参数\`Reason\`最多 ${MAX_FAIL_REASON_LENGTH} 个字符。`,
    });
  }
  await ctx.tasks.failNext(input.TaskType, count, reason);
  return { TaskType: input.TaskType, Remaining: count };
}
