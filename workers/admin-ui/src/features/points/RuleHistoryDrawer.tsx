import { Drawer } from 'antd';
import { Table, type Column } from '../../light/Table.tsx';
import type { PointRuleView } from './api.ts';

interface Props {
  /** The rule's versions; null once the drawer is closed. */
  history: PointRuleView[] | null;
  /** The rules table's columns (积分规则), with 生效时间 after them. */
  columns: readonly Column<PointRuleView>[];
  onClose: () => void;
}

/** 规则的历史版本: loaded when first opened (lib/lazy-when-open.tsx), 积分 itself draws without antd. */
export function RuleHistoryDrawer({ history, columns, onClose }: Props) {
  return (
    <Drawer open={!!history} title="规则的历史版本" onClose={onClose} width={Math.min(640, window.innerWidth)}>
      <Table<PointRuleView> minWidth="max-content" rowKey="id" size="small" rows={history ?? []} columns={columns} />
    </Drawer>
  );
}
