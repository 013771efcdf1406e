/**
 * Personal data in answers, masked by one rule where the examples show masked values: the first
 * two characters stay, the rest becomes `***`, and a phone number keeps its last two digits too
 * (DescribeOrganizationMemberEmailBind's example: Phone "18***32"); an e-mail address keeps its
 * domain (2018-12-25's GetOrganization example: Mail "23***@qq.com"; its CreateOrganization and
 * ListOrganizationInvitations examples show the same address as "23***.qq.com" and "23**@qq.com").
 * Where an example shows a value in clear, it stays so: the Email of
 * DescribeOrganizationMemberEmailBind ("123@qq.com"), which the admin set itself.
 */

const HIDDEN = "***";
/** characters shown at the start of a masked value */
const HEAD = 2;
/** digits shown at the end of a masked phone number */
const PHONE_TAIL = 2;

/** `head` characters, `***`, then `tail` characters; a value too short for that shows only its first character. */
function mask(value: string, tail: number): string {
  const chars = [...value];
  if (chars.length === 0) return "";
  if (chars.length <= HEAD + tail) return chars[0] + HIDDEN;
  return chars.slice(0, HEAD).join("") + HIDDEN + (tail > 0 ? chars.slice(-tail).join("") : "");
}

/** An e-mail address as answers show it: "2345678@qq.com" → "23***@qq.com"; empty stays empty. */
export function maskMail(mail: string): string {
  const at = mail.lastIndexOf("@");
  if (at <= 0) return mask(mail, 0);
  return mask(mail.slice(0, at), 0) + mail.slice(at);
}

/** A phone number as answers show it: "18612345632" → "18***32"; empty stays empty. */
export function maskPhone(phone: string): string {
  return mask(phone, PHONE_TAIL);
}
