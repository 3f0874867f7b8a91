import { Suspense, useEffect, useState, type ComponentType, type JSX } from 'react';
import { withAntRoot } from './ant-island.tsx';
import { preloadable } from './preloadable.tsx';

/**
 * A modal or drawer whose code loads the first time it opens, not with the page that holds it
 * (docs/adr/0031): forms validate with the shared zod schemas, whose evaluation costs a page's
 * first load ~60 ms though most visits open no form. Once opened it stays mounted, so it closes
 * with its animation and keeps what React keeps between openings; the page stays as drawn while
 * the chunk arrives. It is drawn once its code has run, as an ordinary update: suspending here
 * would show a fallback, and React holds the commit that follows a fallback for up to 300 ms
 * (lib/preloadable.tsx). A failed download shows as a lazy page's does, when the retry fails.
 */
export function lazyWhenOpen<P extends object>(load: () => Promise<ComponentType<P>>, isOpen: (props: P) => boolean): ComponentType<P> {
  // Drawn inside the antd configuration: the page holding it may have drawn without antd (src/light/).
  const Loaded = preloadable(() => withAntRoot(load));
  function WhenOpen(props: P) {
    const open = isOpen(props);
    const [opened, setOpened] = useState(open);
    const [settled, setSettled] = useState(Loaded.loaded);
    // Derived state: set during render, so an opening whose code is here draws in the same pass.
    if (open && !opened) setOpened(true);
    useEffect(() => {
      if (!opened || settled) return;
      const done = () => setSettled(true);
      Loaded.preload().then(done, done);
    }, [opened, settled]);
    if (!opened || !(settled || Loaded.loaded())) return null;
    return (
      // Only reached after a failed download: drawing retries it, and its error reaches the error boundary.
      <Suspense fallback={null}>
        {/* The props are the wrapped component's own (P). */}
        <Loaded {...(props as P & JSX.IntrinsicAttributes)} />
      </Suspense>
    );
  }
  return WhenOpen;
}
