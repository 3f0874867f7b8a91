import { Alert, Table } from 'antd';
import type { TableProps } from 'antd';
import { LoadMoreFooter } from './LoadMoreFooter.tsx';

/** What CursorTable reads from useCursorList. */
interface CursorListView<T> {
  rows: T[];
  total: number | null;
  cursor: string | null;
  loading: boolean;
  error: string | null;
  loadMore: () => void;
}

type Props<T> = Omit<TableProps<T>, 'dataSource' | 'loading' | 'locale' | 'pagination'> & {
  list: CursorListView<T>;
  /** Shown once the first page is known to be empty; antd's default otherwise. */
  emptyText?: string;
  /** The measure word of the count under the table (个, 件); without it the page draws its own footer. */
  unit?: string;
};

/** A cursor-paged list: its load error, the rows, and the load-more footer. */
export function CursorTable<T extends object>({ list, emptyText, unit, ...table }: Props<T>) {
  // No "暂无数据" flash while the first page is on its way.
  const waiting = list.loading && list.rows.length === 0;
  return (
    <>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} />}
      <Table<T>
        rowKey="id"
        size="middle"
        {...table}
        dataSource={list.rows}
        loading={waiting}
        locale={waiting ? { emptyText: ' ' } : emptyText === undefined ? undefined : { emptyText }}
        // The cursor does the paging; antd's pager would only split the rows already loaded.
        pagination={false}
      />
      {unit && (
        <LoadMoreFooter shown={list.rows.length} total={list.total} cursor={list.cursor} loading={list.loading} unit={unit} onMore={list.loadMore} />
      )}
    </>
  );
}
