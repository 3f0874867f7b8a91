import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { antIsland } from '../../lib/ant-island.tsx';
import { lazyWhenOpen } from '../../lib/lazy-when-open.tsx';
import { useFirstAnswer } from '../../lib/useFirstAnswer.ts';
import { Button } from '../../light/Button.tsx';
import { Card } from '../../light/Card.tsx';
import { Space } from '../../light/Space.tsx';
import { Table, type Column } from '../../light/Table.tsx';
import { Tag } from '../../light/Tag.tsx';
import { useTenant } from '../../tenant.tsx';
import { activitiesApi, type ActivityPage, type ActivitySummary } from './api.ts';
import { activityMonthQuery } from './first-reads.ts';

// The page draws without antd (src/light/, docs/adr/0031); the month and kind pickers and the pager are
// antd islands that load once the list is on screen.
const ActivityFilters = antIsland(() => import('./ActivityFilters.tsx').then((m) => m.ActivityFilters));
const TablePager = antIsland(() => import('../../lib/TablePager.tsx').then((m) => m.TablePager));
// The form loads when 登记活动 is first pressed; drawn only while creating, so each opening starts blank.
const CreateActivityModal = lazyWhenOpen(() => import('./CreateActivityModal.tsx').then((m) => m.CreateActivityModal), () => true);

const STATUS_COLOR: Record<string, string> = { planned: 'blue', held: 'green', cancelled: 'default' };
const PAGE_SIZE = 20;

const columns: Column<ActivitySummary>[] = [
  // src/light/Table sizes columns only in a fixed layout: the cell keeps antd's column width here.
  { key: 'date', title: '日期', render: (_, r) => `${r.activityDate} ${r.startTime}–${r.endTime}`, width: 190, onCell: () => ({ style: { width: 190 } }) },
  { title: '活动名称', dataIndex: 'title' },
  { title: '类型', dataIndex: 'kindLabel' },
  { title: '党建联合体', dataIndex: 'allianceName' },
  { title: '地点', dataIndex: 'place' },
  { key: 'status', title: '状态', render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{r.statusLabel}</Tag> },
  { title: '参加人数', dataIndex: 'attendance', align: 'right' },
];

/** 联合体活动: by month, newest first; the alliance (and the county) registers them. */
export default function ActivitiesPage() {
  const { tenant } = useTenant();
  const navigate = useNavigate();
  const [month, setMonth] = useState<Dayjs>(dayjs);
  const [kind, setKind] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  // This month's first page may have been answered before the page was drawn (lib/useFirstAnswer.ts).
  const first = useFirstAnswer(() => activitiesApi.list(tenant.slug, activityMonthQuery(month, kind, page)));
  const [data, setData] = useState<ActivityPage | null>(first.value ?? null);
  const [creating, setCreating] = useState(false);
  const mayManage = tenant.actions.includes('activity.manage');

  const load = useCallback(() => {
    if (first.taken()) return;
    const ctl = new AbortController();
    activitiesApi
      .list(tenant.slug, activityMonthQuery(month, kind, page), ctl.signal)
      .then(setData)
      .catch(() => undefined);
    return () => ctl.abort();
  }, [tenant.slug, month, kind, page, first]);
  useEffect(load, [load]);

  return (
    <Card
      title="联合体活动"
      extra={
        <Space wrap>
          <Button onClick={() => navigate(`/t/${tenant.slug}/activity-compliance`)}>考核完成情况</Button>
          {mayManage && (
            <Button type="primary" onClick={() => setCreating(true)}>
              登记活动
            </Button>
          )}
        </Space>
      }
    >
      <ActivityFilters
        month={month}
        kind={kind}
        onMonth={(v) => (setMonth(v), setPage(1))}
        onKind={(v) => (setKind(v), setPage(1))}
        // The pickers' row, so the list does not move when they arrive.
        placeholder={<div style={{ minHeight: 32, marginBottom: 16 }} />}
      />
      <Table<ActivitySummary>
        data-testid="activity-table"
        rows={data?.items ?? []}
        loading={!data}
        // antd's scroll={{ x: true }}: the table keeps its columns' own widths and scrolls inside the card.
        minWidth={0}
        onRow={(r) => ({ onClick: () => navigate(`/t/${tenant.slug}/activities/${r.id}`), style: { cursor: 'pointer' } })}
        columns={columns}
      />
      {/* antd's table shows no pager while it has nothing to count. */}
      {data !== null && data.total > 0 && (
        <TablePager showTotal current={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} placeholder={<div style={{ height: 64 }} />} />
      )}
      {creating && <CreateActivityModal onClose={() => setCreating(false)} onCreated={(id) => navigate(`/t/${tenant.slug}/activities/${id}`)} />}
    </Card>
  );
}
