import { type DependencyList, useCallback, useRef, useState } from 'react';
import { errorText } from '../api/client.ts';
import { useFirstAnswer } from './useFirstAnswer.ts';

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

/**
 * A list read page by page with the server's cursor. `fetchPage` is recreated
 * from `deps` (tenant, filters); a new `reload` identity is the caller's cue to
 * query again. `lastPage` is the newest page received, for totals that come
 * with it (the filing inbox's unread count).
 */
export function useCursorList<T, P extends CursorPage<T>>(fetchPage: (after: string | null) => Promise<P & CursorPage<T>>, deps: DependencyList) {
  // The first page may have been answered before the page was drawn (lib/useFirstAnswer.ts).
  const first = useFirstAnswer(() => fetchPage(null));
  const [rows, setRows] = useState<T[]>(() => first.value?.items ?? []);
  const [lastPage, setLastPage] = useState<P | null>(first.value ?? null);
  const [cursor, setCursor] = useState<string | null>(first.value?.nextCursor ?? null);
  const [loading, setLoading] = useState(!first.value); // otherwise the first page loads on mount
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);

  // `deps` are what fetchPage closes over; a fresh closure each render must not refetch.
  const fetchLatest = useCallback(fetchPage, deps);

  const loadPage = useCallback(
    async (after: string | null) => {
      // The page's first load, on mount, is the answer it was drawn with.
      if (after === null && first.taken()) return;
      const mine = ++seq.current;
      setLoading(true);
      setError(null);
      try {
        const page = await fetchLatest(after);
        if (mine !== seq.current) return; // a newer query superseded this one
        setRows((prev) => (after ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setLastPage(page);
      } catch (err) {
        if (mine !== seq.current) return;
        setError(errorText(err));
        if (!after) setRows([]);
      } finally {
        if (mine === seq.current) setLoading(false);
      }
    },
    [fetchLatest, first],
  );

  const reload = useCallback(() => loadPage(null), [loadPage]);
  const loadMore = useCallback(() => {
    // Without a cursor loadPage would start over and replace the rows.
    if (cursor) void loadPage(cursor);
  }, [cursor, loadPage]);

  return { rows, setRows, total: lastPage?.total ?? null, cursor, loading, error, reload, loadMore, lastPage, setLastPage };
}
