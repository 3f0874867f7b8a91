import { extractStyle } from '@ant-design/static-style-extract';
import { ConfigProvider } from 'antd';
import { createElement } from 'react';
import { THEME } from '../theme.ts';

// Build time only (vite.config.ts and the tests): the app never imports this file.

/**
 * The antd components whose markup a page's first draw uses, without antd's code (src/light/, the
 * layout, the islands' look-alikes): their styles are in the stylesheet the page waits for, and
 * every other component's styles load with antd itself (docs/adr/0031, tenth session). Named as antd
 * exports them. `first-stylesheet.node.test.ts` fails when a light module names a class that only the
 * later stylesheet styles.
 */
export const FIRST_DRAW_COMPONENTS = [
  'Alert',
  'Avatar',
  'Badge',
  'Button',
  'Card',
  'Col',
  'Empty',
  'Layout',
  'List',
  'Progress',
  'Result',
  'Row',
  'Segmented',
  'Select',
  'Skeleton',
  'Space',
  'Spin',
  'Statistic',
  'Table',
  'Tabs',
  'Tag',
  'Typography',
] as const;

/** antd's rules for the app's one theme (src/theme.ts), drawn by antd's own extractor (server-side rendering into a style cache). */
function extract(only: { includes?: string[]; excludes?: string[] }): string[] {
  return topLevelRules(extractStyle({ customTheme: (node) => createElement(ConfigProvider, { theme: THEME }, node), ...only })).filter(drawnInBrowser);
}

/**
 * The two stylesheets: `first` holds FIRST_DRAW_COMPONENTS, `rest` every other component. Components
 * draw others (a Transfer its buttons), so `rest` would repeat some of `first`'s rules; those are left
 * out, since the first stylesheet is always there.
 */
export function antdStylesheets(): { first: string; rest: string } {
  const components = [...FIRST_DRAW_COMPONENTS];
  const first = extract({ includes: components });
  const inFirst = new Set(first);
  return { first: first.join(''), rest: extract({ excludes: components }).filter((rule) => !inFirst.has(rule)).join('') };
}

/** Every component's rules in one stylesheet (`vite dev`, and the tests' measure of the whole). */
export function allAntdCss(): string {
  return extract({}).join('');
}

/**
 * Whether a rule can match in the browser. Two kinds never do: rules under a class antd derives from
 * React's server-side useId inside its own static panels (`.css-var-_R_…`, in antd's default blue; the
 * browser's ids are spelled differently, and THEME fixes the app's key), and the extractor's cache
 * marker (`.data-ant-cssinjs-cache-path`).
 */
export function drawnInBrowser(rule: string): boolean {
  return !/^\.css-var-_R_|^\.data-ant-cssinjs-cache-path\{/.test(rule);
}

/** A stylesheet's top-level rules and at-rules, each with its block, in order (the extractor writes no comments or strings with braces). */
export function topLevelRules(css: string): string[] {
  const rules: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) {
      rules.push(css.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (css.slice(start).trim()) rules.push(css.slice(start));
  return rules;
}
