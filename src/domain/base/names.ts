import { ApiError } from "../../protocol/api-error.js";

/** Member, account and department names: up to 25 letters, digits, Chinese characters and +@&._[]-:, */
const NAME_RE = /^[A-Za-z0-9\u4e00-\u9fa5+@&._\[\]\-:,]{1,25}$/;

/** Refuse a name outside the documented alphabet or length; `param` names the parameter. */
export function checkName(value: string, param: string): void {
  if (!NAME_RE.test(value)) {
    throw new ApiError("InvalidParameter", {
      en: `Parameter \`${param}\` must be 1 to 25 letters, digits, Chinese characters or +@&._[]-:, characters.`,
      zh: `参数\`${param}\`须为 1 至 25 个字母、数字、汉字或 +@&._[]-:, 字符。`,
    });
  }
}

/** Refuse a text longer than `max` characters. */
export function checkLength(value: string, param: string, max: number): void {
  if ([...value].length > max) {
    throw new ApiError("InvalidParameter", { en: `Parameter \`${param}\` must be at most ${max} characters.`, zh: `参数\`${param}\`最长 ${max} 个字符。` });
  }
}
