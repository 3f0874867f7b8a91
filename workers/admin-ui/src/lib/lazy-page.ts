import { lazy, type ComponentType } from 'react';
import type { PageAddress } from '../layout/feature.ts';

/**
 * A page loaded on demand that can be started before it is drawn (docs/adr/0031):
 * `preload(address)` starts the chunk's download and the page's first reads
 * (`firstReads`, made inside api/client.ts's `prefetch`) at startup or on a sidebar
 * click, while the session, the layout or the other are still on their way; drawing
 * the page later uses the same download and takes over the same requests.
 */
export function lazyPage<P extends object>(load: () => Promise<{ default: ComponentType<P> }>, firstReads?: (at: PageAddress) => void) {
  let chunk: Promise<{ default: ComponentType<P> }> | undefined;
  const loadOnce = () =>
    (chunk ??= load().catch((err: unknown) => {
      // A failed download (a new release replaced the files) is tried again on the next visit.
      chunk = undefined;
      throw err;
    }));
  const preload = (at: PageAddress) => {
    loadOnce().catch(() => undefined); // drawing the page reports a failed download
    firstReads?.(at);
  };
  return Object.assign(lazy(loadOnce), { preload });
}
