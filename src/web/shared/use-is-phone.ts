import { Grid } from 'antd';

/** True below antd's `md` breakpoint (768 px): phones held upright, e.g. 390 px wide. */
export function useIsPhone(): boolean {
  const md = Grid.useBreakpoint().md;
  // useBreakpoint answers {} on the first render: read the width then, so a desktop page is not first laid out
  // for a phone and then again for the desktop (which remounts its cards and empties forms being filled in).
  if (md === undefined) return !window.matchMedia('(min-width: 768px)').matches;
  return !md;
}
