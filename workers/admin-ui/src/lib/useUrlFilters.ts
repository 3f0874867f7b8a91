import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

// List filters live in the URL so a filtered list can be bookmarked, shared and
// restored with the back button. Only the page's own keys are read or written.

export type UrlFilters<K extends string> = Partial<Record<K, string>>;

/** The page's filters in a query string, as the page reads them (a preload builds the page's first read from them). */
export function readFilters<K extends string>(params: URLSearchParams, keys: readonly K[]): UrlFilters<K> {
  const f: UrlFilters<K> = {};
  for (const k of keys) {
    const v = params.get(k);
    if (v) f[k] = v;
  }
  return f;
}

/** `keys` must be a module-level constant: it is a memo dependency. */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();

  // Keyed by the filters' own values: another parameter (a drawer's ?open=) changing is not a new filter.
  const signature = JSON.stringify(keys.map((k) => params.get(k) ?? ''));
  const filters = useMemo(() => readFilters(params, keys), [keys, signature]);

  // Replaces every filter at once: a key left out of `next` is cleared.
  const applyFilters = useCallback(
    (next: UrlFilters<K>) => {
      const p = new URLSearchParams();
      for (const k of keys) {
        const v = next[k]?.toString().trim();
        if (v) p.set(k, v);
      }
      setParams(p);
    },
    [keys, setParams],
  );

  return { filters, applyFilters };
}
