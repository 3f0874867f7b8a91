import { useState, type Dispatch, type SetStateAction } from 'react';
import type { Versioned } from '../api/endpoints.ts';
import { useOpenParam } from './useOpenParam.ts';

interface ListView<T> {
  reload(): Promise<unknown>;
  setRows: Dispatch<SetStateAction<T[]>>;
}

/**
 * What a list whose items open in a drawer keeps besides its rows: the item
 * open (in the URL, `?open=<id>`), and whether the create form or the Excel
 * import is showing. A new item is opened once saved; a changed one replaces its row.
 */
export function useItemListPage<T extends { id: string }>(list: ListView<T>) {
  const [openId, setOpenId] = useOpenParam();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  return {
    openId,
    open: (id: string) => setOpenId(id),
    close: () => setOpenId(null),
    creating,
    startCreate: () => setCreating(true),
    cancelCreate: () => setCreating(false),
    created: (saved: Versioned<T>) => {
      setCreating(false);
      void list.reload();
      setOpenId(saved.value.id);
    },
    importing,
    startImport: () => setImporting(true),
    closeImport: () => setImporting(false),
    imported: () => void list.reload(),
    replaceRow: (item: T) => list.setRows((rows) => rows.map((r) => (r.id === item.id ? item : r))),
  };
}
