import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, type ReactNode } from 'react';
import { THEME } from '../theme.ts';

/**
 * antd's one configuration (docs/adr/0031): the zh-CN locale, button labels as written, and the
 * theme the static stylesheet (virtual:antd-style.css) was built from, in zero-runtime mode. The
 * first draw of a page goes without antd (src/light/); every piece that does use antd — a page not
 * yet drawn lightly, a filter bar, a dialog, the header's menus — is drawn inside one of these, by
 * `antIsland` (lib/ant-island.tsx), so this file and antd load after the page is on screen. The same
 * configuration nested is harmless: nothing here differs between two of them.
 */
export function AntRoot({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider
      locale={zhCN}
      // Button labels read exactly as written ("编辑", not "编 辑"), in the UI and to screen readers.
      button={{ autoInsertSpace: false }}
      // Styles come from the stylesheet built from THEME (virtual:antd-style.css), not generated while drawing.
      theme={{ ...THEME, zeroRuntime: true }}
    >
      {children}
    </ConfigProvider>
  );
}

/** What lib/feedback.tsx hands on: antd's message and modal, drawn in the app's one theme. */
export type FeedbackApis = Pick<ReturnType<typeof App.useApp>, 'message' | 'modal'>;

function Capture({ onReady }: { onReady: (apis: FeedbackApis) => void }) {
  const { message, modal } = App.useApp();
  useEffect(() => onReady({ message, modal }), [message, modal, onReady]);
  return null;
}

/**
 * The app's one place for messages and confirmations: mounted once beside the routes as an island (lib/feedback.tsx),
 * so a message outlives the page that showed it (a save that navigates away).
 */
export function FeedbackHost({ onReady }: { onReady: (apis: FeedbackApis) => void }) {
  return (
    <App component={false}>
      <Capture onReady={onReady} />
    </App>
  );
}
