import { useLayoutEffect, useState, type CSSProperties, type ReactNode, type RefObject } from 'react';

/**
 * A table wider than a narrow screen scrolls sideways inside its card, by CSS (styles.css,
 * `.table-min-width`): the table keeps at least `minWidth` and its content box scrolls. antd's own
 * `scroll={{ x }}` does the same but adds a measuring row whose layout effect, and the shadow check
 * after it, force two synchronous layouts of the whole page as the table first draws (~90 ms of a
 * list page's first load on this machine, bench/ui-profile.ts). Tables with a fixed header need
 * antd's measuring and keep `scroll`; fixed columns too, but only while the table does not fit
 * (CursorTable, useNarrowerThan).
 */
export function HorizontalScroll({ minWidth, children, boxRef }: { minWidth: number | 'max-content' | undefined; children: ReactNode; boxRef?: RefObject<HTMLDivElement | null> }) {
  // Without a width, a plain box (the table scrolls by antd's means): the same element either way,
  // so switching between the two does not remount the table.
  return (
    <div
      ref={boxRef}
      className={minWidth === undefined ? undefined : 'table-min-width'}
      style={minWidth === undefined ? undefined : ({ '--table-min-width': typeof minWidth === 'number' ? `${minWidth}px` : minWidth } as CSSProperties)}
    >
      {children}
    </div>
  );
}

/**
 * Whether the box is narrower than `width` (false while `width` is undefined or before the first
 * measurement). Read by a ResizeObserver, which reports after the browser's own layout: it never
 * forces one.
 */
export function useNarrowerThan(box: RefObject<HTMLElement | null>, width: number | undefined): boolean {
  const [narrow, setNarrow] = useState(false);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || width === undefined) return;
    const observer = new ResizeObserver(([entry]) => setNarrow(entry !== undefined && entry.contentRect.width < width));
    observer.observe(el);
    return () => observer.disconnect();
  }, [box, width]);
  return narrow;
}
