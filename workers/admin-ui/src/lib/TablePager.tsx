import { Pagination } from 'antd';

interface Props {
  current: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
  /** A small table's pager (antd's Table gives its pager the table's size). */
  small?: boolean;
  /** 共 N 项 at its left. */
  showTotal?: boolean;
  /** Nothing while one page holds every row. */
  hideOnSinglePage?: boolean;
}

/**
 * The pager under a light table (src/light/Table.tsx draws none), as antd's Table draws its own: an island
 * of antd (lib/ant-island.tsx), so the rows draw without it. The wrapper's class is what antd's
 * stylesheet places a table's pager under.
 */
export function TablePager({ current, pageSize, total, onChange, small, showTotal, hideOnSinglePage }: Props) {
  return (
    <div className="ronghe ant-table-css-var ant-table-wrapper">
      <Pagination
        className="ant-table-pagination ant-table-pagination-end"
        size={small ? 'small' : undefined}
        current={current}
        pageSize={pageSize}
        total={total}
        hideOnSinglePage={hideOnSinglePage}
        showSizeChanger={false}
        onChange={(page) => onChange(page)}
        showTotal={showTotal ? (n) => `共 ${n} 项` : undefined}
      />
    </div>
  );
}
