import { Segmented, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import type { MeetingComplianceView } from '@ronghe/schema';
import { ProblemAlert } from '../../lib/ProblemAlert.tsx';
import { useLoaded } from '../../lib/useLoaded.ts';
import { useTenant } from '../../tenant.tsx';
import { meetingApi } from './api.ts';

const STATE_TAG = { held: <Tag color="green">已召开</Tag>, missed: <Tag color="red">缺会</Tag>, open: <Tag>本季度未结束</Tag> } as const;

/** 召开情况: each running alliance's quarters with and without a joint meeting. */
export function ComplianceTab({ year }: { year: number }) {
  const { tenant } = useTenant();
  const [missedOnly, setMissedOnly] = useState(true);
  const [page, setPage] = useState(1);

  const { data, problem, loading } = useLoaded(
    useCallback(() => meetingApi.compliance(tenant.slug, { year, missedOnly: missedOnly ? 'true' : 'false', page, limit: 20 }), [tenant.slug, year, missedOnly, page]),
  );

  const columns: ColumnsType<MeetingComplianceView> = [
    { title: '党建联合体', dataIndex: 'allianceName', width: 220 },
    ...[1, 2, 3, 4].map((q) => ({
      title: `第${'一二三四'[q - 1]}季度`,
      key: `q${q}`,
      width: 120,
      render: (_: unknown, r: MeetingComplianceView) => {
        const s = r.quarters[q - 1]!;
        return s.state === 'held' ? <Tag color="green">已召开 {s.meetings} 次</Tag> : STATE_TAG[s.state];
      },
    })),
  ];

  return (
    <>
      <Segmented style={{ marginBottom: 12 }} value={missedOnly ? 'missed' : 'all'} onChange={(v) => { setPage(1); setMissedOnly(v === 'missed'); }} options={[{ value: 'missed', label: '有缺会的联合体' }, { value: 'all', label: '全部运行中的联合体' }]} />
      <ProblemAlert problem={problem} style={{ marginBottom: 12 }} />
      <Table rowKey="allianceId" size="small" loading={loading} columns={columns} dataSource={data?.items ?? []} scroll={{ x: 700 }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, showSizeChanger: false, showTotal: (n) => `共 ${n} 个联合体`, onChange: setPage }}
        locale={{ emptyText: '没有符合条件的联合体' }} />
    </>
  );
}
