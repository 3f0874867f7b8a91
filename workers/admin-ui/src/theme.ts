import type { ThemeConfig } from 'antd';

/**
 * The app's one antd theme: used by the ConfigProvider in main.tsx and, at build time, by the
 * stylesheet vite.config.ts generates from it (antd's zero-runtime mode, docs/adr/0031). A change
 * here changes both; nothing else may give antd a theme, or its components would be drawn with
 * styles the stylesheet does not hold.
 */
export const THEME: ThemeConfig = {
  // Plain class names (.ant-btn), no per-theme hash: the generated stylesheet and the components
  // drawn at run time must name the same classes, and the app has a single theme.
  hashed: false,
  // One fixed name for the class that carries the theme's CSS variables (antd would derive one from
  // React's useId per ConfigProvider, which differs between the build's rendering and the browser).
  cssVar: { key: 'ronghe' },
  token: {
    // Party red, as the officials' other systems use.
    colorPrimary: '#c8161d',
    borderRadius: 4,
    // Each system's Chinese font by name: macOS, Windows, then Linux desktops (Noto / Source Han, and
    // 文泉驿微米黑, the one Debian-family desktops install). A font not named is found by the system's
    // fallback only after every named one was tried, for each piece of text: on a Linux desktop with
    // only 文泉驿 that search was ~7 % of a cold page load (docs/adr/0031, tenth session). Named last,
    // it changes no glyph that a font before it draws (Latin text stays in Arial or its metric twin).
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, 'WenQuanYi Micro Hei', sans-serif",
  },
};
