import { Alert, Table } from 'antd';
import type { TableProps } from 'antd';
import { useMemo, useRef } from 'react';
import { HorizontalScroll, useNarrowerThan } from './HorizontalScroll.tsx';
import type { CursorListView } from '../light/CursorTable.tsx';
import { LoadMoreFooter } from './LoadMoreFooter.tsx';

type Props<T> = Omit<TableProps<T>, 'dataSource' | 'loading' | 'locale' | 'pagination'> & {
  list: CursorListView<T>;
  /** Shown once the first page is known to be empty; antd's default otherwise. */
  emptyText?: string;
  /** The measure word of the count under the table (个, 件); without it the page draws its own footer. */
  unit?: string;
};

/** A cursor-paged list: its load error, the rows, and the load-more footer. */
export function CursorTable<T extends object>({ list, emptyText, unit, scroll, ...table }: Props<T>) {
  // No "暂无数据" flash while the first page is on its way.
  const waiting = list.loading && list.rows.length === 0;
  // A sideways scroll by width alone is done by CSS (HorizontalScroll). Fixed columns only matter while
  // the table is wider than its card, so they are dropped, with antd's measuring, while it fits.
  const minWidth = typeof scroll?.x === 'number' && scroll.y === undefined ? scroll.x : undefined;
  const hasFixed = table.columns?.some((c) => c.fixed) ?? false;
  const box = useRef<HTMLDivElement>(null);
  const narrow = useNarrowerThan(box, minWidth !== undefined && hasFixed ? minWidth : undefined);
  const byCss = minWidth !== undefined && !(hasFixed && narrow);
  const columns = useMemo(() => (byCss && hasFixed ? table.columns?.map((c) => ({ ...c, fixed: undefined })) : table.columns), [byCss, hasFixed, table.columns]);
  const drawn = (
    <Table<T>
      rowKey="id"
      size="middle"
      {...table}
      columns={columns}
      scroll={byCss ? undefined : scroll}
      dataSource={list.rows}
      loading={waiting}
      locale={waiting ? { emptyText: ' ' } : emptyText === undefined ? undefined : { emptyText }}
      // The cursor does the paging; antd's pager would only split the rows already loaded.
      pagination={false}
    />
  );
  return (
    <>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} />}
      {minWidth === undefined ? drawn : <HorizontalScroll minWidth={byCss ? minWidth : undefined} boxRef={box}>{drawn}</HorizontalScroll>}
      {unit && (
        <LoadMoreFooter shown={list.rows.length} total={list.total} cursor={list.cursor} loading={list.loading} unit={unit} onMore={list.loadMore} />
      )}
    </>
  );
}
