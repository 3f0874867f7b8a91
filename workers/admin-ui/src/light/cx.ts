/** Class names joined, falsy ones left out (what antd's components do with classnames). */
export const cx = (...names: (string | false | null | undefined)[]) => names.filter(Boolean).join(' ');

/** The class carrying the theme's CSS variables (theme.ts `cssVar.key`), on every component's root as antd puts it. */
export const THEME_CLASS = 'ronghe';
