import { Grid } from 'antd';

/** True below antd's `md` breakpoint (768 px): phones held upright, e.g. 390 px wide. */
export function useIsPhone(): boolean {
  return !Grid.useBreakpoint().md;
}
