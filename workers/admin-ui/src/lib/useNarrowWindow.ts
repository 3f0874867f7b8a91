import { useSyncExternalStore } from 'react';

// antd's `md` breakpoint: at 768 px and wider the sidebar layout shows its sider.
const WIDE = '(min-width: 768px)';

// One query for the page's life: React reads the snapshot on every draw of the layout.
let query: MediaQueryList | undefined;
const wide = () => (query ??= window.matchMedia(WIDE));
const subscribe = (onChange: () => void) => {
  wide().addEventListener('change', onChange);
  return () => wide().removeEventListener('change', onChange);
};
const narrowNow = () => !wide().matches;

/**
 * Whether the window is narrower than antd's `md` breakpoint (a phone), known on the first draw.
 * antd's `Grid.useBreakpoint()` learns it in a layout effect and so draws its caller twice before
 * the first paint — for the sidebar layout, the whole layout (docs/adr/0031).
 */
export function useNarrowWindow(): boolean {
  return useSyncExternalStore(subscribe, narrowNow);
}
