import { useCallback, useEffect, useState } from 'react';
import { errorText } from '../../../api/client.ts';
import { categoryApi, type CategoryView } from '../../../api/list-endpoints.ts';

// The county's need/resource categories, read once per tenant and page load;
// the category page refreshes the cache after each change.
const cache = new Map<string, Promise<CategoryView[]>>();
const listeners = new Set<() => void>();

export function loadCategories(tenant: string, fresh = false): Promise<CategoryView[]> {
  let p = fresh ? undefined : cache.get(tenant);
  if (!p) {
    p = categoryApi.list(tenant).then((items) => [...items].sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-Hans-CN')));
    cache.set(tenant, p);
    p.catch(() => cache.delete(tenant));
  }
  return p;
}

/** After a category write: every mounted picker reads the list again. */
export function categoriesChanged(tenant: string): void {
  cache.delete(tenant);
  for (const l of listeners) l();
}

export function useCategories(tenant: string) {
  const [items, setItems] = useState<CategoryView[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const l = () => setTick((n) => n + 1);
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  }, []);
  useEffect(() => {
    let live = true;
    setLoading(true);
    loadCategories(tenant)
      .then((c) => live && (setItems(c), setError(null)))
      .catch((err) => live && setError(errorText(err)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [tenant, tick]);
  const reload = useCallback(() => categoriesChanged(tenant), [tenant]);
  return { items, loading, error, reload };
}

/** Options for a category select: disabled categories only when already chosen (editing an old record). */
export function categoryOptions(items: readonly CategoryView[], keep?: string | null) {
  return items.filter((c) => c.active || c.id === keep).map((c) => ({ value: c.id, label: c.active ? c.name : `${c.name}（已停用）` }));
}
