import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

// List filters live in the URL so a filtered list can be bookmarked, shared and
// restored with the back button. Only the page's own keys are read or written.

export type UrlFilters<K extends string> = Partial<Record<K, string>>;

/** `keys` must be a module-level constant: it is a memo dependency. */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();

  const filters = useMemo(() => {
    const f: UrlFilters<K> = {};
    for (const k of keys) {
      const v = params.get(k);
      if (v) f[k] = v;
    }
    return f;
  }, [keys, params]);

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
