import type { ReactNode } from 'react';
import { LoadMoreFooter } from '../lib/LoadMoreFooter.tsx';
import { Alert } from './Alert.tsx';
import { Table, type Column } from './Table.tsx';

/** What a CursorTable (this one and lib/CursorTable) reads from useCursorList. */
export interface CursorListView<T> {
  rows: T[];
  total: number | null;
  cursor: string | null;
  loading: boolean;
  error: string | null;
  loadMore: () => void;
}

interface Props<T> {
  list: CursorListView<T>;
  columns: readonly Column<T>[];
  /** The measure word of the count under the table (个, 件); without it the page draws its own footer. */
  unit?: string;
  emptyText?: ReactNode;
  /** The table keeps at least this width and scrolls sideways inside its card. */
  minWidth?: number | 'max-content';
  size?: 'middle' | 'small';
  'data-testid'?: string;
}

/** lib/CursorTable's list (its load error, the rows, the load-more footer) drawn without antd (src/light/). */
export function CursorTable<T extends object>({ list, unit, ...table }: Props<T>) {
  return (
    <>
      {list.error && <Alert type="error" title={list.error} style={{ marginBottom: 12 }} />}
      <Table<T> {...table} rows={list.rows} loading={list.loading && list.rows.length === 0} />
      {unit && <LoadMoreFooter shown={list.rows.length} total={list.total} cursor={list.cursor} loading={list.loading} unit={unit} onMore={list.loadMore} />}
    </>
  );
}
