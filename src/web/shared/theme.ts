import type { ThemeConfig } from 'antd';

/** Whether the user asked the system for less motion (an accessibility setting, also set by the browser tests). */
const reducedMotion = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

/**
 * One look for the staff app and the portal: the blue of Chinese government sites, compact radius. Panels, menus
 * and dialogs open without animation for a user who asked the system for reduced motion.
 */
export const theme: ThemeConfig = {
  token: { colorPrimary: '#1a5fb4', borderRadius: 4, motion: !reducedMotion },
};
