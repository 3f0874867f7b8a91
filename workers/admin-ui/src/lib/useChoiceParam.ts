import { useSearchParams } from 'react-router-dom';

/**
 * One of a fixed set of choices kept in the URL (`?<key>=`), so a link can open it and the address can be
 * shared: a missing or unknown value reads as `fallback`. Choosing keeps the other parameters and drops
 * those in `clears`. `replace` (a page's tab) leaves no history entry; without it (a list's status) the back
 * button returns to the previous choice.
 */
export function useChoiceParam<K extends string>(
  key: string,
  choices: readonly K[],
  fallback: K,
  opts: { clears?: readonly string[]; replace?: boolean } = {},
): [K, (next: string) => void] {
  const [params, setParams] = useSearchParams();
  const param = params.get(key);
  const chosen = (choices as readonly string[]).includes(param ?? '') ? (param as K) : fallback;
  const choose = (next: string) => {
    const p = new URLSearchParams(params);
    p.set(key, next);
    for (const k of opts.clears ?? []) p.delete(k);
    setParams(p, { replace: opts.replace ?? false });
  };
  return [chosen, choose];
}
