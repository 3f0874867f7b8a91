import { Button, Input, Modal, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import type { MeetingDecisionView } from '@ronghe/schema';
import { ProblemAlert } from '../../lib/ProblemAlert.tsx';
import { useChoiceParam } from '../../lib/useChoiceParam.ts';
import { useLoaded } from '../../lib/useLoaded.ts';
import { problemText, type ProblemText } from '../../lib/problems.ts';
import { useTenant } from '../../tenant.tsx';
import { meetingApi } from './api.ts';
import { DECISION_STATUS_LABELS, WARNING_COLORS, WARNING_LABELS } from './labels.ts';
import { useFeedback } from '../../lib/feedback.tsx';

const STATUSES = ['overdue', 'open', 'done', 'all'] as const;
type Status = (typeof STATUSES)[number];

/** 决定事项: supervised as projects are — warning tags, overdue ones escalated; the owner completes them. */
export function DecisionsTab() {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const mayComplete = !tenant.readOnly && tenant.actions.includes('meeting.decision_complete');
  // The status is in the address (?status=), so a to-do card can open the list it counts and the back button restores it.
  const [status, setStatus] = useChoiceParam('status', STATUSES, 'overdue');
  // A page number belongs to the status it was turned under: another status (a click or the back button) starts at 1.
  const [paging, setPaging] = useState({ status, page: 1 });
  const page = paging.status === status ? paging.page : 1;
  const setPage = (p: number) => setPaging({ status, page: p });
  const [completing, setCompleting] = useState<MeetingDecisionView | null>(null);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [refused, setRefused] = useState<ProblemText | null>(null);

  const { data, problem, loading, reload: load } = useLoaded(
    useCallback(() => meetingApi.decisions(tenant.slug, { status: status === 'all' ? undefined : status, page, limit: 20 }), [tenant.slug, status, page]),
  );

  const complete = async () => {
    if (!completing) return;
    setSaving(true);
    setRefused(null);
    try {
      await meetingApi.complete(tenant.slug, completing, note);
      message.success('已办结');
      setCompleting(null);
      setNote('');
      await load();
    } catch (err) {
      setRefused(problemText(err));
      setCompleting(null);
    } finally {
      setSaving(false);
    }
  };

  const columns: ColumnsType<MeetingDecisionView> = [
    { title: '决定事项', dataIndex: 'content' },
    { title: '党建联合体', dataIndex: 'allianceName', width: 180 },
    { title: '责任单位', dataIndex: 'ownerOrgName', width: 180 },
    { title: '办结期限', dataIndex: 'dueOn', width: 110 },
    {
      title: '预警',
      width: 130,
      render: (_: unknown, d) => (
        <Space size={4} wrap>
          <Tooltip title={d.warningReason ?? undefined}><Tag color={WARNING_COLORS[d.warning]}>{d.warning === 'none' ? DECISION_STATUS_LABELS[d.status] : WARNING_LABELS[d.warning]}</Tag></Tooltip>
          {d.escalated && <Tag color="volcano">已提请上级督办</Tag>}
        </Space>
      ),
    },
    {
      title: '办结',
      width: 160,
      render: (_: unknown, d) =>
        d.status === 'done' ? (
          <Tooltip title={d.doneNote}><Typography.Text type="secondary">{d.doneByName} · {d.doneOn}</Typography.Text></Tooltip>
        ) : mayComplete ? (
          <Button size="small" onClick={() => setCompleting(d)}>办结</Button>
        ) : null,
    },
  ];

  return (
    <>
      <Segmented<Status> style={{ marginBottom: 12 }} value={status} onChange={setStatus}
        options={[{ value: 'overdue', label: '已逾期' }, { value: 'open', label: '办理中' }, { value: 'done', label: '已办结' }, { value: 'all', label: '全部' }]} />
      <ProblemAlert problem={refused ?? problem} style={{ marginBottom: 12 }} />
      <Table rowKey="id" size="small" loading={loading} columns={columns} dataSource={data?.items ?? []} scroll={{ x: 900 }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, showSizeChanger: false, showTotal: (n) => `共 ${n} 项`, onChange: setPage }}
        locale={{ emptyText: '没有符合条件的决定事项' }} />
      <Modal open={!!completing} title="办结决定事项" okText="办结" cancelText="取消" confirmLoading={saving} okButtonProps={{ disabled: note.trim().length < 2 }} onOk={() => void complete()} onCancel={() => setCompleting(null)}>
        <Typography.Paragraph>{completing?.content}</Typography.Paragraph>
        <Input.TextArea rows={4} maxLength={1000} placeholder="办结说明（至少 2 个字）" value={note} onChange={(e) => setNote(e.target.value)} />
      </Modal>
    </>
  );
}
