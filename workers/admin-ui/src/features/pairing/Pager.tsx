import { Pagination } from 'antd';

/**
 * The pager under a light table of 双报到, as antd's Table draws its own for a small or
 * middle table (small, no total, shown from the first row): an island of antd (lib/ant-island.tsx), so
 * the rows draw without it. The wrapper's class is what antd's stylesheet places a table's pager under.
 */
export function Pager({ current, pageSize, total, onChange }: { current: number; pageSize: number; total: number; onChange(page: number): void }) {
  return (
    <div className="ronghe ant-table-css-var ant-table-wrapper">
      <Pagination
        className="ant-table-pagination ant-table-pagination-end"
        size="small"
        current={current}
        pageSize={pageSize}
        total={total}
        showSizeChanger={false}
        onChange={(page) => onChange(page)}
      />
    </div>
  );
}
