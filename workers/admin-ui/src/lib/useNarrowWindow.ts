import { useSyncExternalStore } from 'react';

// antd's `md` breakpoint: at 768 px and wider the sidebar layout shows its sider.
const WIDE = '(min-width: 768px)';

const subscribe = (onChange: () => void) => {
  const query = window.matchMedia(WIDE);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};
const narrowNow = () => !window.matchMedia(WIDE).matches;

/**
 * Whether the window is narrower than antd's `md` breakpoint (a phone), known on the first draw.
 * antd's `Grid.useBreakpoint()` learns it in a layout effect and so draws its caller twice before
 * the first paint — for the sidebar layout, the whole layout (docs/adr/0031).
 */
export function useNarrowWindow(): boolean {
  return useSyncExternalStore(subscribe, narrowNow);
}
