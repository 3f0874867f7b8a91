import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { z } from 'zod';
import { AppRoutes } from './routes.tsx';
import { SessionProvider } from './session.tsx';
import './styles.css';

dayjs.locale('zh-cn');
// The shared schemas carry Chinese messages for their own rules; this covers zod's built-in ones.
z.config(z.locales.zhCN());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider
      locale={zhCN}
      // Button labels read exactly as written ("编辑", not "编 辑"), in the UI and to screen readers.
      button={{ autoInsertSpace: false }}
      theme={{
        token: {
          // Party red, as the officials' other systems use.
          colorPrimary: '#c8161d',
          borderRadius: 4,
          fontFamily:
            "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif",
        },
      }}
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
