import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { allianceApi } from '../../../api/alliance-endpoints.ts';
import { errorText } from '../../../api/client.ts';
import type { AllianceSummary } from '../../../api/types.ts';
import { antIsland } from '../../../lib/ant-island.tsx';
import { useFeedback } from '../../../lib/feedback.tsx';
import { lazyWhenOpen } from '../../../lib/lazy-when-open.tsx';
import { formatTime } from '../../../lib/time.ts';
import { useCursorList } from '../../../lib/useCursorList.ts';
import { useUrlFilters } from '../../../lib/useUrlFilters.ts';
import { Button } from '../../../light/Button.tsx';
import { Card } from '../../../light/Card.tsx';
import { CursorTable } from '../../../light/CursorTable.tsx';
import { Space } from '../../../light/Space.tsx';
import type { Column } from '../../../light/Table.tsx';
import { Tag } from '../../../light/Tag.tsx';
import { Text } from '../../../light/Typography.tsx';
import { useTenant } from '../../../tenant.tsx';
import { ALLIANCE_FILTER_KEYS, allianceListQuery } from './first-reads.ts';
import { ALLIANCE_STATUS_LABELS, STATUS_COLORS } from './labels.ts';

// The form (and the shared zod schemas it validates with) loads when first opened.
const AllianceFormModal = lazyWhenOpen(() => import('./AllianceFormModal.tsx').then((m) => m.AllianceFormModal), (p) => p.open);
// The page draws without antd (src/light/, docs/adr/0031); the filter bar is an antd island that
// loads once the list is on screen.
const AllianceFilters = antIsland(() => import('./AllianceFilters.tsx').then((m) => m.AllianceFilters));

const FILTER_KEYS = ALLIANCE_FILTER_KEYS;

export default function AlliancesPage() {
  const { tenant, perms } = useTenant();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const { filters, applyFilters } = useUrlFilters(FILTER_KEYS);
  const list = useCursorList((after) => allianceApi.list(tenant.slug, allianceListQuery(filters, after)), [tenant.slug, filters]);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    void list.reload();
  }, [list.reload, filters]);

  const exportXlsx = async () => {
    try {
      message.success(`已导出：${await allianceApi.export(tenant.slug, filters)}`);
    } catch (err) {
      message.error(`导出失败：${errorText(err)}`);
    }
  };

  const detail = (id: string) => `/t/${tenant.slug}/alliances/${id}`;
  const columns: Column<AllianceSummary>[] = [
    {
      title: '联合体名称',
      dataIndex: 'name',
      fixed: 'left',
      width: 260,
      // A long name ends in … and reads whole on hover.
      ellipsis: true,
      onCell: (r) => ({ title: r.name }),
      render: (name: string, a) => <Link to={detail(a.id)}>{name}</Link>,
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 100,
      render: (s: AllianceSummary['status'], a) => (
        <Space size={4} wrap>
          <Tag color={STATUS_COLORS[s]}>{ALLIANCE_STATUS_LABELS[s]}</Tag>
          {/* Seed 000 8.1, 11.1.2: a founded alliance that no longer meets its founding conditions (details on its page). */}
          {a.compliant === false && <Tag color="warning">条件待补</Tag>}
        </Space>
      ),
    },
    { title: '类型', dataIndex: 'type', width: 190, ellipsis: true, render: (t: string, a) => (a.typeNote ? `${t}（${a.typeNote}）` : t) },
    { title: '融合模式', dataIndex: 'model', width: 150, responsive: ['xxl'], },
    { title: '牵头党组织', dataIndex: 'leadOrgName', width: 200, ellipsis: true },
    { title: '上级党(工)委', dataIndex: 'committeeOrgName', width: 180, ellipsis: true },
    { title: '成员单位', dataIndex: 'memberCount', width: 80, align: 'right' },
    { title: '批准日期', dataIndex: 'approvedOn', width: 110, responsive: ['xxl'],  render: (v: string | null) => v ?? '—' },
    { title: '成立日期', dataIndex: 'foundedOn', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '更新时间', dataIndex: 'updatedAt', width: 170, responsive: ['xxl'],  render: (v: number) => formatTime(v) },
  ];

  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <AllianceFilters
          tenant={tenant.slug}
          filters={filters}
          onApply={applyFilters}
          onReset={() => applyFilters({})}
          // About the inline form's height (two rows at a desktop width), so the list moves little when the bar arrives.
          placeholder={<div style={{ minHeight: 72 }} />}
        />
      </Card>
      <Card
        size="small"
        title={
          <Space>
            <span>党建联合体</span>
            {list.total !== null && (
              <Text type="secondary" data-testid="alliance-total">
                共 {list.total} 个
              </Text>
            )}
          </Space>
        }
        extra={
          <Space>
            <Button icon={<DownloadOutlined />} onClick={exportXlsx}>
              导出 Excel
            </Button>
            {perms.canCreateAlliance && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                新建联合体
              </Button>
            )}
          </Space>
        }
      >
        <CursorTable<AllianceSummary>
          list={list}
          columns={columns}
          emptyText="暂无党建联合体"
          unit="个"
          minWidth={1120}
          data-testid="alliance-table"
        />
      </Card>
      <AllianceFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(saved) => {
          setCreating(false);
          navigate(detail(saved.value.id));
        }}
      />
    </>
  );
}
