import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { AppRoutes } from './routes.tsx';
import { SessionProvider } from './session.tsx';
import { THEME } from './theme.ts';
import 'virtual:antd-style.css';
import './styles.css';

dayjs.locale('zh-cn');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider
      locale={zhCN}
      // Button labels read exactly as written ("编辑", not "编 辑"), in the UI and to screen readers.
      button={{ autoInsertSpace: false }}
      // Styles come from the stylesheet built from THEME (virtual:antd-style.css), not generated while drawing.
      theme={{ ...THEME, zeroRuntime: true }}
    >
      <AntApp>
        <BrowserRouter>
          <SessionProvider>
            <AppRoutes />
          </SessionProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
