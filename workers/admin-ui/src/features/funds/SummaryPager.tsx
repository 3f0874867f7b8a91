import { Pagination } from 'antd';

interface Props {
  current: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}

/**
 * The pager under the summary table, as antd's small Table draws its own (src/light/Table.tsx has
 * none): an island of antd, so the rows draw without it. The wrapper's class is what antd's table
 * styles the pager under.
 */
export function SummaryPager({ current, pageSize, total, onChange }: Props) {
  return (
    <div className="ronghe ant-table-css-var ant-table-wrapper">
      <Pagination
        className="ant-table-pagination ant-table-pagination-end"
        size="small"
        current={current}
        pageSize={pageSize}
        total={total}
        hideOnSinglePage
        showSizeChanger={false}
        onChange={(page) => onChange(page)}
      />
    </div>
  );
}
