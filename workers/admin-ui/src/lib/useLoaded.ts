import { useCallback, useEffect, useRef, useState } from 'react';
import { problemText, type ProblemText } from './problems.ts';

/**
 * One read a page shows (a page of a list with its total, a year's compliance):
 * loaded again whenever `load` changes (wrap it in useCallback over the tenant,
 * filters and page). An answer to an older query that arrives after a newer one
 * was sent is dropped, so quick filter or page changes never show stale rows.
 * `data` keeps the previous answer while the next one loads.
 */
export function useLoaded<T>(load: () => Promise<T>) {
  const [data, setData] = useState<T | null>(null);
  const [problem, setProblem] = useState<ProblemText | null>(null);
  const [loading, setLoading] = useState(true);
  const seq = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    setProblem(null);
    try {
      const answer = await load();
      if (mine === seq.current) setData(answer);
    } catch (err) {
      if (mine === seq.current) setProblem(problemText(err));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, problem, loading, reload };
}
