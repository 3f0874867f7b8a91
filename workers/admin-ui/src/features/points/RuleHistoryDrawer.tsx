import { Drawer } from 'antd';
import type { CSSProperties } from 'react';
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
      {/* antd's scroll={{ x: 'max-content' }}: no cell wraps, and the table scrolls inside the drawer (styles.css). */}
      <div className="table-min-width" style={{ '--table-min-width': 'max-content' } as CSSProperties}>
        <Table<PointRuleView> rowKey="id" size="small" rows={history ?? []} columns={columns} />
      </div>
    </Drawer>
  );
}
