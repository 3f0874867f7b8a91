import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * The list item shown in the page's drawer, kept in the URL as `?open=<id>` so
 * a link can open an item directly and the open drawer can be shared. The
 * list's filters stay as they are.
 */
export function useOpenParam(): [string | null, (id: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const setOpen = useCallback(
    (id: string | null) =>
      setParams(
        (prev) => {
          const p = new URLSearchParams(prev);
          if (id) p.set('open', id);
          else p.delete('open');
          return p;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [params.get('open'), setOpen];
}

/** The link that opens one need or resource in its list's drawer. */
export const openInList = (tenant: string, list: 'needs' | 'resources', id: string) => `/t/${tenant}/${list}?open=${encodeURIComponent(id)}`;
