import { useCallback, useEffect, useState } from 'react';
import { ApiError, errorText } from '../api/client.ts';
import type { Versioned } from '../api/endpoints.ts';

export interface LoadError {
  text: string;
  /** The HTTP status (404, 403…); 0 when the request never got an answer. */
  status: number;
}

/**
 * One item read by id, with the version its writes must carry: the copy shown,
 * whether a read is under way, why the last one failed, and a reload that hands
 * back the fresh copy (undefined when it failed). No id, nothing is read.
 * `get` must keep its identity (a module-level API function).
 */
export function useVersioned<T>(tenant: string, id: string | null, get: (tenant: string, id: string) => Promise<Versioned<T>>) {
  const [item, setItem] = useState<Versioned<T> | null>(null);
  const [loading, setLoading] = useState(!!id);
  const [error, setError] = useState<LoadError | null>(null);

  const reload = useCallback(async (): Promise<Versioned<T> | undefined> => {
    if (!id) return undefined;
    setLoading(true);
    try {
      const v = await get(tenant, id);
      setItem(v);
      setError(null);
      return v;
    } catch (err) {
      setError({ text: errorText(err), status: err instanceof ApiError ? err.status : 0 });
      return undefined;
    } finally {
      setLoading(false);
    }
  }, [tenant, id, get]);

  useEffect(() => {
    setItem(null);
    setError(null);
    void reload();
  }, [reload]);

  return { item, setItem, loading, error, reload };
}

/** Runs a write; when it answers 412 the item is read afresh first, so the retry carries the new version. The error is thrown on for the caller to show. */
export async function reloadingOnStale<T>(reload: () => Promise<unknown>, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof ApiError && err.status === 412) await reload();
    throw err;
  }
}
