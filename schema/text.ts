import { z } from '@hono/zod-openapi';

// The one rule for text people type (names, titles, descriptions, notes),
// whether it arrives as JSON or as an imported spreadsheet cell:
//
// - a lone UTF-16 surrogate or U+FFFD (the replacement character a broken
//   encoding leaves behind) is refused: it is garbage, not a character anyone
//   meant, and it would be stored and exported as such;
// - NUL and other control characters are refused, not stripped: stripping
//   would silently store something other than what was sent, and a client
//   that sends them is broken or probing — it should be told. A multi-line
//   field keeps line feeds, carriage returns and tabs;
// - the text is normalised to NFC before it is trimmed, checked, stored or
//   compared, so "é" typed as e + U+0301 and as U+00E9 is the same name.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const REPLACEMENT = /\uFFFD/;
// C0 controls, DEL and C1 controls.
// eslint-disable-next-line no-control-regex -- matching control characters is the point of this rule
const CONTROL_ONE_LINE = /[\u0000-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex -- as above, with \t \n \r allowed
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** The Chinese message for a string that breaks the text rule, or null when it keeps it. */
export function textProblem(s: string, label: string, multiline = false): string | null {
  if (LONE_SURROGATE.test(s) || REPLACEMENT.test(s)) return `${label}含有无法识别的字符（乱码），请删除后重新输入`;
  if ((multiline ? CONTROL_MULTI_LINE : CONTROL_ONE_LINE).test(s)) return `${label}不能含有控制字符${multiline ? '' : '或换行'}`;
  return null;
}

/**
 * A zod string under the text rule: NFC, then trimmed, then checked. Chain
 * `.min()`/`.max()` after it. `message` is for a value that is not a string
 * at all (zod's localised default when absent).
 */
export function plainText(label: string, opts: { multiline?: boolean; message?: string } = {}) {
  return z
    .string(opts.message ? { message: opts.message } : undefined)
    .normalize('NFC')
    .trim()
    .superRefine((s, ctx) => {
      const problem = textProblem(s, label, opts.multiline);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

/** A spreadsheet cell's string as the text rule wants it before anything reads it: NFC. */
export const nfc = (s: string) => s.normalize('NFC');
