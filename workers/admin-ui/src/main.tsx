import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { FeedbackProvider } from './lib/feedback.tsx';
import { AppRoutes } from './routes.tsx';
import { SessionProvider } from './session.tsx';
import 'virtual:antd-style.css';
import './styles.css';

dayjs.locale('zh-cn');

// No antd here (docs/adr/0031): a page's first draw goes without it, and what draws with antd is
// drawn inside ant/AntRoot.tsx, the one antd configuration, which loads once the page is on screen.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <FeedbackProvider>
        <SessionProvider>
          <AppRoutes />
        </SessionProvider>
      </FeedbackProvider>
    </BrowserRouter>
  </StrictMode>,
);
