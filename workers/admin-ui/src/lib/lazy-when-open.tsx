import { lazy, Suspense, useState, type ComponentType, type JSX } from 'react';

/**
 * A modal or drawer whose code loads the first time it opens, not with the page that holds it
 * (docs/adr/0031): forms validate with the shared zod schemas, whose evaluation costs a page's
 * first load ~60 ms though most visits open no form. Once opened it stays mounted, so it closes
 * with its animation and keeps what React keeps between openings; the page stays as drawn while
 * the chunk arrives. A failed download fails as a lazy page's does (React.lazy keeps the error).
 */
export function lazyWhenOpen<P extends object>(load: () => Promise<ComponentType<P>>, isOpen: (props: P) => boolean): ComponentType<P> {
  const Loaded = lazy(() => load().then((component) => ({ default: component })));
  function WhenOpen(props: P) {
    const open = isOpen(props);
    const [opened, setOpened] = useState(open);
    // Derived state: set during render, so the first opening draws in the same pass.
    if (open && !opened) setOpened(true);
    if (!open && !opened) return null;
    return (
      <Suspense fallback={null}>
        {/* The props are the wrapped component's own (P); lazy's type adds only a ref. */}
        <Loaded {...(props as P & JSX.IntrinsicAttributes)} />
      </Suspense>
    );
  }
  return WhenOpen;
}
