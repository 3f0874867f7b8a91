import { Button, Card, Result, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { ProblemAlert } from '../../lib/ProblemAlert.tsx';
import { problemText, type ProblemText } from '../../lib/problems.ts';
import { formatTime } from '../../lib/time.ts';
import { useTenant } from '../../tenant.tsx';
import { deadLetterApi, type DeadLetter } from './api.ts';
import { useFeedback } from '../../lib/feedback.tsx';

type State = 'pending' | 'replayed';

/**
 * 事件死信: what a consumer (messages, later points, webhooks, the city's
 * figures) failed to process after its retries. The county administrator sees
 * why and sends it again once the cause is fixed; a consumer that had already
 * processed the event does nothing the second time.
 */
export default function DeadLettersPage() {
  const { tenant, perms } = useTenant();
  const { message } = useFeedback();
  const [state, setState] = useState<State>('pending');
  const [rows, setRows] = useState<DeadLetter[]>([]);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<ProblemText | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setProblem(null);
    try {
      setRows(await deadLetterApi.list(tenant.slug, state));
    } catch (err) {
      setProblem(problemText(err));
    } finally {
      setLoading(false);
    }
  }, [tenant.slug, state]);

  useEffect(() => {
    if (perms.canReadAudit && !tenant.readOnly) void load();
  }, [load, perms.canReadAudit, tenant.readOnly]);

  if (!perms.canReadAudit || tenant.readOnly) {
    return <Result status="403" title="无权查看事件死信" subTitle="事件死信仅对旗县区委组织部和市委组织部管理员开放。" />;
  }

  const replay = async (row: DeadLetter) => {
    setBusy(row.id);
    try {
      await deadLetterApi.replay(tenant.slug, row.id);
      message.success('已重新投递');
      await load();
    } catch (err) {
      setProblem(problemText(err));
    } finally {
      setBusy(null);
    }
  };

  const columns: ColumnsType<DeadLetter> = [
    { title: '最近失败', dataIndex: 'lastFailedAt', width: 170, render: (v: number) => formatTime(v) },
    { title: '事件', dataIndex: 'eventType', width: 220, render: (v: string, r) => <Space orientation="vertical" size={0}><Typography.Text code>{v}</Typography.Text><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.eventId}</Typography.Text></Space> },
    { title: '消费者', dataIndex: 'consumer', width: 180 },
    { title: '次数', dataIndex: 'attempts', width: 70 },
    { title: '原因', dataIndex: 'error', render: (v: string) => <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0 }}>{v}</Typography.Paragraph> },
    {
      title: '状态',
      width: 200,
      render: (_: unknown, r) =>
        r.replayedAt ? (
          <Tag color="green">已于 {formatTime(r.replayedAt)} 重新投递</Tag>
        ) : (
          <Button size="small" type="primary" loading={busy === r.id} onClick={() => void replay(r)}>
            重新投递
          </Button>
        ),
    },
  ];

  return (
    <Card
      title="事件死信"
      extra={
        <Segmented<State>
          value={state}
          onChange={setState}
          options={[
            { value: 'pending', label: '待处理' },
            { value: 'replayed', label: '已重新投递' },
          ]}
        />
      }
    >
      <Typography.Paragraph type="secondary">
        系统中的每一项变更都会产生一条领域事件，由消息提醒等功能处理；处理多次失败的事件记录在这里。排除原因后可重新投递，已处理过的功能不会重复处理。
      </Typography.Paragraph>
      <ProblemAlert problem={problem} style={{ marginBottom: 12 }} />
      <Table rowKey="id" size="small" loading={loading} columns={columns} dataSource={rows} pagination={false} scroll={{ x: 900 }} locale={{ emptyText: state === 'pending' ? '没有待处理的死信' : '没有已重新投递的死信' }} />
    </Card>
  );
}
