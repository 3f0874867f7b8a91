import { Pagination } from 'antd';

interface Props {
  current: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}

/**
 * The pager under 联合体活动's table, as antd's Table draws its own (src/light/Table.tsx has none): an
 * island of antd, so the rows draw without it. The wrapper's class is what antd's table styles the
 * pager under.
 */
export function ActivityPager({ current, pageSize, total, onChange }: Props) {
  return (
    <div className="ronghe ant-table-css-var ant-table-wrapper">
      <Pagination
        className="ant-table-pagination ant-table-pagination-end"
        current={current}
        pageSize={pageSize}
        total={total}
        onChange={(page) => onChange(page)}
        showTotal={(n) => `共 ${n} 项`}
      />
    </div>
  );
}
