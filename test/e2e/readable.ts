import type { Page } from 'playwright-core';

// The readability rules of issue 10 §3 ("No raw codes", "Order and fit"), shared by
// the walk over every page (every-page-readable.test.ts) and the stories that
// check their own pages at 1440 px.

/** English a Chinese official does read: product and file words. */
export const ALLOWED_WORDS = new Set(['Excel', 'API', 'ID', 'PDF', 'JPG', 'PNG', 'xlsx', 'OpenAPI', 'CSV']);

const ID = /\b(?:[a-z]{2,5}_[0-9A-Za-z]{10,}|[0-9A-HJKMNP-TV-Z]{26})\b/g;
const CODE = /\b[a-z][a-z0-9]*(?:[._][a-z0-9]+)+\b/g;
const WORD = /[A-Za-z][A-Za-z]+/g;

export interface Finding {
  where: string;
  what: string;
}

/**
 * What a person reads on the page now: visible text, placeholders and typed values.
 * Left out: code samples for developers (`pre`, `code`) and what is verbatim by
 * nature (`[data-verbatim]`: a login name, an API key's prefix).
 */
export async function readable(page: Page): Promise<string> {
  return page.evaluate(() => {
    const skip = 'pre, code, kbd, [data-verbatim]';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const parts: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      // An icon's or illustration's SVG <title> (antd's 403 picture says "Unauthorized") is not on screen.
      if (!el || el.closest(skip) || el.closest('script, style, noscript, svg')) continue;
      // Only what is rendered: a hidden ancestor hides the text.
      if (el.offsetParent === null && getComputedStyle(el).position !== 'fixed') continue;
      if (el.closest('[aria-hidden="true"], .ant-select-dropdown-hidden, .ant-tooltip-hidden, .ant-popover-hidden')) continue;
      parts.push(n.textContent ?? '');
    }
    for (const el of document.querySelectorAll<HTMLInputElement>('input:not([type=hidden]):not([type=password]):not([type=checkbox]):not([type=radio]), textarea')) {
      if (el.offsetParent === null || el.closest(skip)) continue;
      parts.push(el.getAttribute('placeholder') ?? '', el.value);
    }
    return parts.join('\n');
  });
}

export function check(where: string, text: string): Finding[] {
  const found: Finding[] = [];
  for (const m of text.matchAll(ID)) found.push({ where, what: `id ${m[0]}` });
  const withoutIds = text.replace(ID, ' ');
  for (const m of withoutIds.matchAll(CODE)) found.push({ where, what: `code ${m[0]}` });
  for (const m of withoutIds.replace(CODE, ' ').matchAll(WORD)) {
    if (!ALLOWED_WORDS.has(m[0])) found.push({ where, what: `English ${m[0]}` });
  }
  return found;
}

/** Tables on the page whose content is wider than the table: they scroll sideways at this width. */
export async function sidewaysTables(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      [...document.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body')].filter(
        (el) => el.offsetParent !== null && !el.closest('.ant-drawer, .ant-modal') && el.scrollWidth > el.clientWidth + 1,
      ).length,
  );
}
