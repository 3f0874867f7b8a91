import type { ComponentType } from 'react';
import { prefetch, type Query } from '../api/client.ts';
import type { PageAddress } from '../layout/feature.ts';
import { withAntRoot } from './ant-island.tsx';
import { preloadable } from './preloadable.tsx';
import { readFilters, type UrlFilters } from './useUrlFilters.ts';

/**
 * A page loaded on demand that can be started before it is drawn (docs/adr/0031):
 * `preload(address)` starts the chunk's download and the page's first reads
 * (`firstReads`, below) at startup or on a sidebar click, while the session, the
 * layout or the other are still on their way; drawing the page later uses the
 * same download and takes over the same requests. It resolves when the page's
 * code has run (never rejects: drawing the page reports a failed download), and
 * once it has, the page draws without suspending (lib/preloadable.tsx).
 */
export function lazyPage<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
  preloadReads?: (at: PageAddress) => void,
  { light = false }: { light?: boolean } = {},
): ComponentType<P> & { preload(at: PageAddress): Promise<unknown> } {
  // A light page (src/light/) draws without antd and places its antd pieces in islands; any other
  // page is drawn inside the antd configuration, which then loads with it.
  const Page = preloadable(() => (light ? load().then((m) => m.default) : withAntRoot(() => load().then((m) => m.default))));
  const loadChunk = Page.preload;
  // The page's preload takes the place of the component's own (the chunk alone): one signature.
  const preload = (at: PageAddress): Promise<unknown> => {
    const chunk = loadChunk().catch(() => undefined);
    preloadReads?.(at);
    return chunk;
  };
  return Object.assign(Page, { preload });
}

/** One of a page's first reads: the page's own API call, so its URL is the page's by construction. */
type Read = () => Promise<unknown>;
/** Where the page is being opened: the tenant and the page's filters, read from the address as the page reads them. */
interface Opening<K extends string> {
  tenant: string;
  filters: UrlFilters<K>;
}

/**
 * A page's preload from the reads it makes on opening (each feature's `first-reads.ts`): `reads`
 * gets the tenant and, with `keys`, the page's URL filters; the reads start inside `prefetch`, so
 * the page's identical GET takes each answer over and a preload never sends a write.
 */
export function firstReads(reads: (at: Opening<never>) => readonly Read[]): (at: PageAddress) => void;
export function firstReads<K extends string>(keys: readonly K[], reads: (at: Opening<K>) => readonly Read[]): (at: PageAddress) => void;
export function firstReads<K extends string>(...args: [(at: Opening<K>) => readonly Read[]] | [readonly K[], (at: Opening<K>) => readonly Read[]]) {
  const [keys, reads] = args.length === 1 ? [[] as readonly K[], args[0]] : args;
  return ({ tenant, search }: PageAddress) => prefetch(...reads({ tenant, filters: readFilters(search, keys) }));
}

/** A cursor list's query, the same for its first page (the preload's) and the next ones: the filters, the cursor, the page size. */
export const cursorListQuery =
  (limit: number) =>
  <K extends string>(filters: UrlFilters<K>, after: string | null): Query => ({ ...filters, cursor: after ?? undefined, limit });
