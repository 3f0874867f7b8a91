import { Button, Segmented, Select, Space, Statistic, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { ORG_LIFE_KIND_LABELS, ORG_LIFE_KINDS } from '@ronghe/schema/enums';
import type { OrgLifeBranchCompliance } from '@ronghe/schema';
import { ProblemAlert } from '../../lib/ProblemAlert.tsx';
import { useLoaded } from '../../lib/useLoaded.ts';
import { problemText } from '../../lib/problems.ts';
import { useTenant } from '../../tenant.tsx';
import { orgLifeApi } from './api.ts';
import { useFeedback } from '../../lib/feedback.tsx';

type Status = 'behind' | 'met' | 'all';

/** 达标情况: every branch's organizational life this year against the standard, on today's date. */
export function ComplianceTab({ year }: { year: number }) {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const [status, setStatus] = useState<Status>('behind');
  const [kind, setKind] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const query = { year, status: status === 'all' ? undefined : status, kind };

  const { data, problem, loading } = useLoaded(
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the query is rebuilt from these three values
    useCallback(() => orgLifeApi.compliance(tenant.slug, { ...query, page, limit: 20 }), [tenant.slug, year, status, kind, page]),
  );

  const columns: ColumnsType<OrgLifeBranchCompliance> = [
    { title: '党支部', dataIndex: 'orgName', width: 220, fixed: 'left' },
    { title: '状态', dataIndex: 'status', width: 90, render: (s: string) => (s === 'met' ? <Tag color="green">达标</Tag> : <Tag color="red">未达标</Tag>) },
    ...ORG_LIFE_KINDS.map((k) => ({
      title: ORG_LIFE_KIND_LABELS[k],
      key: k,
      width: 110,
      render: (_: unknown, r: OrgLifeBranchCompliance) => {
        const c = r.kinds.find((x) => x.kind === k)!;
        const text = c.periodsDue ? `${c.periodsMet}/${c.periodsDue} 期` : `已开 ${c.held} 次`;
        return (
          <Tooltip title={`本年已开 ${c.held} 次；截至今天应达标 ${c.periodsDue} 期，达标 ${c.periodsMet} 期`}>
            <Tag color={c.status === 'met' ? 'green' : 'red'}>{text}</Tag>
          </Tooltip>
        );
      },
    })),
  ];

  const exportIt = async () => {
    try {
      await orgLifeApi.exportCompliance(tenant.slug, query);
    } catch (err) {
      message.error(problemText(err).title);
    }
  };

  return (
    <>
      <Space wrap size="large" style={{ marginBottom: 12 }}>
        <Statistic title="党支部" value={data?.branches ?? 0} />
        <Statistic title="未达标" value={data?.behind ?? 0} valueStyle={{ color: data?.behind ? '#cf1322' : undefined }} />
      </Space>
      <Space wrap style={{ marginBottom: 12, display: 'flex' }}>
        <Segmented<Status> value={status} onChange={(v) => { setPage(1); setStatus(v); }} options={[{ value: 'behind', label: '未达标' }, { value: 'met', label: '达标' }, { value: 'all', label: '全部' }]} />
        <Select allowClear placeholder="未达标的类型" style={{ width: 180 }} value={kind} onChange={(v) => { setPage(1); setKind(v); }} options={ORG_LIFE_KINDS.map((k) => ({ value: k, label: ORG_LIFE_KIND_LABELS[k] }))} />
        <Button onClick={() => void exportIt()}>导出 Excel</Button>
      </Space>
      <ProblemAlert problem={problem} style={{ marginBottom: 12 }} />
      <Table rowKey="orgId" size="small" loading={loading} columns={columns} dataSource={data?.items ?? []} scroll={{ x: 1100 }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, showSizeChanger: false, showTotal: (n) => `共 ${n} 个党支部`, onChange: setPage }}
        locale={{ emptyText: '没有符合条件的党支部' }} />
    </>
  );
}
