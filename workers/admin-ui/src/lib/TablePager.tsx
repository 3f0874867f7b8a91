import { Pagination } from 'antd';

interface Props {
  current: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
  /** A small table's pager; it hides while one page holds everything. */
  small?: boolean;
}

/**
 * The pager under a light table (src/light/Table.tsx draws none), as antd's Table draws its own: an island
 * of antd (lib/ant-island.tsx), so the rows draw without it. The wrapper's class is what antd's
 * stylesheet places a table's pager under.
 */
export function TablePager({ current, pageSize, total, onChange, small }: Props) {
  return (
    <div className="ronghe ant-table-css-var ant-table-wrapper">
      <Pagination
        className="ant-table-pagination ant-table-pagination-end"
        size={small ? 'small' : undefined}
        current={current}
        pageSize={pageSize}
        total={total}
        hideOnSinglePage={small}
        showSizeChanger={false}
        onChange={(page) => onChange(page)}
        showTotal={small ? undefined : (n) => `共 ${n} 项`}
      />
    </div>
  );
}
