import { Empty, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import type { Allocation } from '../../../api/project-endpoints.ts';
import { openInList } from '../../../lib/useOpenParam.ts';
import { ALLOCATION_COLORS, ALLOCATION_STATE_LABELS } from './labels.tsx';
import type { TabProps } from './tabProps.ts';

/** 需求与资源: the needs this project meets and the resources committed to it, with where each quantity stands. */
export function AllocationsTab({ tenant, project }: TabProps) {
  const p = project.value;
  const columns: ColumnsType<Allocation> = [
    {
      title: '需求',
      dataIndex: 'needTitle',
      render: (title: string, a) => <Link to={openInList(tenant, 'needs', a.needId)}>{title}</Link>,
    },
    {
      title: '资源',
      dataIndex: 'resourceTitle',
      render: (title: string | null, a) =>
        a.resourceId ? <Link to={openInList(tenant, 'resources', a.resourceId)}>{title ?? a.resourceId}</Link> : <Typography.Text type="secondary">项目直接承接</Typography.Text>,
    },
    { title: '提供单位', dataIndex: 'offeringOrgName', width: 220, render: (v: string | null) => v ?? '—' },
    { title: '数量', dataIndex: 'quantity', width: 120, align: 'right', render: (q: number, a) => `${q} ${a.unit}` },
    {
      title: '状态',
      dataIndex: 'state',
      width: 100,
      render: (s: Allocation['state']) => <Tag color={ALLOCATION_COLORS[s]}>{ALLOCATION_STATE_LABELS[s]}</Tag>,
    },
  ];
  if (p.allocations.length === 0) return <Empty description="该项目未关联需求和资源（直接立项）" />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">项目开始实施后对接数量转为“实施中”，验收通过后计入需求的已满足数量；项目取消则释放。</Typography.Text>
      <Table<Allocation> rowKey="id" size="small" columns={columns} dataSource={p.allocations} pagination={false} data-testid="allocation-table" />
    </Space>
  );
}
