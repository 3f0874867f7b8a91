import { useSyncExternalStore, type ComponentType, type JSX, type ReactNode } from 'react';
import { useLoadedAfterPaint } from './after-paint.ts';
import { antStylesheet } from './ant-stylesheet.ts';
import { preloadable } from './preloadable.tsx';

const wanting = new Set<() => void>();
/** Called when the first piece of antd starts to load: the feedback host (lib/feedback.tsx) comes along. */
export function onAntWanted(listener: () => void): () => void {
  wanting.add(listener);
  return () => wanting.delete(listener);
}

// An island whose code could not be loaded (a dropped connection, or a release that replaced the
// files while the page was open), or a chart's (shared/EChart.tsx). Its stand-in takes no input, and
// the browser keeps a failed module import failed for the rest of the page's life, so only a reload
// mends it: the layout says so (layout/IslandFailureNotice.tsx).
let islandFailed = false;
const failureListeners = new Set<() => void>();
export function reportIslandFailure(): void {
  if (islandFailed) return;
  islandFailed = true;
  for (const f of [...failureListeners]) f();
}
function onIslandFailure(changed: () => void): () => void {
  failureListeners.add(changed);
  return () => failureListeners.delete(changed);
}
/** Whether a piece of the page drawn with antd failed to load in this page. */
export function useIslandFailure(): boolean {
  return useSyncExternalStore(onIslandFailure, () => islandFailed, () => false);
}

// antd's code and the stylesheet of the components a first draw does not use, together.
const loadRoot = () => Promise.all([import('../ant/AntRoot.tsx'), antStylesheet()]).then(([m]) => m.AntRoot);

/** `load`'s component drawn inside the antd configuration, loaded with it. */
export async function withAntRoot<P extends object>(load: () => Promise<ComponentType<P>>): Promise<ComponentType<P>> {
  for (const f of [...wanting]) f();
  const [AntRoot, Inner] = await Promise.all([loadRoot(), load()]);
  function InAntRoot(props: P) {
    return (
      <AntRoot>
        <Inner {...(props as P & JSX.IntrinsicAttributes)} />
      </AntRoot>
    );
  }
  return InAntRoot;
}

/**
 * A component drawn with antd, loaded apart from the page that holds it (docs/adr/0031): the page's
 * first draw (src/light/) goes without antd, and each piece that needs antd — a filter bar, a
 * select, a menu — is an island. It draws `placeholder` (the same size, so nothing moves) until antd
 * and its own code have run; the download starts once the page has been painted, not before, so it
 * never stands between navigation and the page's data. Drawn inside the one antd configuration
 * (ant/AntRoot.tsx). Once loaded, later draws are immediate.
 */
export function antIsland<P extends object>(load: () => Promise<ComponentType<P>>) {
  const Loaded = preloadable(() => withAntRoot(load));
  function Island({ placeholder = null, ...props }: P & { placeholder?: ReactNode }) {
    if (useLoadedAfterPaint(Loaded, reportIslandFailure)) return <Loaded {...(props as unknown as P & JSX.IntrinsicAttributes)} />;
    // Marked for the browser benchmark, which times when no island is still a look-alike (bench/ui.ts); no box of its own.
    return (
      <span data-island-pending="" style={{ display: 'contents' }}>
        {placeholder}
      </span>
    );
  }
  return Object.assign(Island, { preload: Loaded.preload });
}
