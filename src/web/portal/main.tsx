import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { theme } from '../shared/theme.ts';
import { PortalApp } from './PortalApp.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={theme}>
      <BrowserRouter basename="/portal">
        <PortalApp />
      </BrowserRouter>
    </ConfigProvider>
  </StrictMode>,
);
