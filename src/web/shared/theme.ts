import type { ThemeConfig } from 'antd';

/** One look for the staff app and the portal: the blue of Chinese government sites, compact radius. */
export const theme: ThemeConfig = {
  token: { colorPrimary: '#1a5fb4', borderRadius: 4 },
};
