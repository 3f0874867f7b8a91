import { Button, DatePicker, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useCallback, useState } from 'react';
import type { MeetingView } from '@ronghe/schema';
import { ApiError } from '../../api/client.ts';
import { fromServerErrors } from '../../lib/formErrors.ts';
import { ProblemAlert } from '../../lib/ProblemAlert.tsx';
import { useLoaded } from '../../lib/useLoaded.ts';
import { problemText, type ProblemText } from '../../lib/problems.ts';
import { AlliancePicker } from '../../shared/AlliancePicker.tsx';
import { OrgPicker } from '../../shared/OrgPicker.tsx';
import { useTenant } from '../../tenant.tsx';
import { meetingApi } from './api.ts';
import { DECISION_STATUS_LABELS, WARNING_COLORS } from './labels.ts';
import { useFeedback } from '../../lib/feedback.tsx';

const FIELDS = new Set(['allianceId', 'heldOn', 'agenda', 'minutes', 'attendeeOrgIds', 'decisions']);

/** 联席会议记录: per alliance, newest first; the alliance records one with its decisions. */
export function MeetingsTab({ year }: { year: number }) {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const canManage = !tenant.readOnly && tenant.actions.includes('meeting.manage');
  const [allianceId, setAllianceId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);

  const { data, problem, loading, reload: load } = useLoaded(
    useCallback(() => meetingApi.list(tenant.slug, { allianceId: allianceId ?? undefined, year, page, limit: 20 }), [tenant.slug, allianceId, year, page]),
  );

  const columns: ColumnsType<MeetingView> = [
    { title: '会议日期', dataIndex: 'heldOn', width: 110 },
    { title: '党建联合体', dataIndex: 'allianceName', width: 200 },
    { title: '议题', dataIndex: 'agenda' },
    { title: '参会单位', width: 90, render: (_: unknown, m) => `${m.attendeeOrgs.length} 个` },
    { title: '决定事项', width: 90, render: (_: unknown, m) => `${m.decisions.length} 项` },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <AlliancePicker tenant={tenant.slug} value={allianceId} onChange={(v) => { setPage(1); setAllianceId(v); }} placeholder="全部联合体" />
        {canManage && <Button type="primary" onClick={() => setOpen(true)}>登记联席会议</Button>}
      </Space>
      <ProblemAlert problem={problem} style={{ marginBottom: 12 }} />
      <Table rowKey="id" size="small" loading={loading} columns={columns} dataSource={data?.items ?? []} scroll={{ x: 700 }}
        expandable={{
          expandedRowRender: (m) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text type="secondary">参会单位：{m.attendeeOrgs.map((o) => o.name).join('、') || '—'}</Typography.Text>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{m.minutes || '（无会议纪要）'}</Typography.Paragraph>
              {m.decisions.map((d) => (
                <div key={d.id}>
                  <Tag color={WARNING_COLORS[d.warning]}>{DECISION_STATUS_LABELS[d.status]}</Tag>
                  {d.content}（{d.ownerOrgName}，{d.dueOn} 前）
                </div>
              ))}
            </Space>
          ),
        }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, showSizeChanger: false, showTotal: (n) => `共 ${n} 次`, onChange: setPage }}
        locale={{ emptyText: '暂无联席会议记录' }} />
      {open && <MeetingForm onClose={() => setOpen(false)} onSaved={() => { setOpen(false); message.success('已登记'); void load(); }} />}
    </>
  );
}

function MeetingForm({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const { tenant } = useTenant();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ProblemText | null>(null);

  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setProblem(null);
    try {
      await meetingApi.create(tenant.slug, {
        allianceId: v.allianceId,
        heldOn: (v.heldOn as dayjs.Dayjs).format('YYYY-MM-DD'),
        agenda: v.agenda,
        minutes: v.minutes || undefined,
        attendeeOrgIds: v.attendeeOrgIds ?? [],
        decisions: ((v.decisions ?? []) as Array<{ content: string; ownerOrgId: string; dueOn: dayjs.Dayjs }>).map((d) => ({ content: d.content, ownerOrgId: d.ownerOrgId, dueOn: d.dueOn.format('YYYY-MM-DD') })),
      });
      onSaved();
    } catch (err) {
      if (err instanceof ApiError) {
        const mapped = fromServerErrors(err.problem.errors, FIELDS);
        form.setFields([...mapped.fields].filter(([name]) => name !== 'decisions').map(([name, errors]) => ({ name, errors })));
      }
      setProblem(problemText(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title="登记联席会议" okText="登记" cancelText="取消" confirmLoading={saving} onOk={() => void save()} onCancel={onClose} width={720}>
      <ProblemAlert problem={problem} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" initialValues={{ heldOn: dayjs(), decisions: [] }}>
        <Form.Item name="allianceId" label="党建联合体" rules={[{ required: true, message: '请选择联合体' }]}>
          <AlliancePicker tenant={tenant.slug} placeholder="搜索联合体" />
        </Form.Item>
        <Form.Item name="heldOn" label="会议日期" rules={[{ required: true, message: '请选择会议日期' }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="agenda" label="议题" rules={[{ required: true, message: '请填写议题' }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="attendeeOrgIds" label="参会单位（联合体成员单位）">
          <OrgPicker tenant={tenant.slug} placeholder="逐个添加参会单位" value={null} onChange={(id) => id && form.setFieldValue('attendeeOrgIds', [...new Set([...(form.getFieldValue('attendeeOrgIds') ?? []), id])])} />
        </Form.Item>
        <Form.Item shouldUpdate noStyle>
          {() => <Typography.Text type="secondary">已选 {(form.getFieldValue('attendeeOrgIds') ?? []).length} 个参会单位</Typography.Text>}
        </Form.Item>
        <Form.Item name="minutes" label="会议纪要" style={{ marginTop: 12 }}>
          <Input.TextArea rows={4} maxLength={20000} />
        </Form.Item>
        <Form.List name="decisions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} wrap align="start">
                  <Form.Item name={[f.name, 'content']} rules={[{ required: true, message: '请填写决定事项' }]}><Input placeholder="决定事项" style={{ width: 220 }} /></Form.Item>
                  <Form.Item name={[f.name, 'ownerOrgId']} rules={[{ required: true, message: '请选择责任单位' }]}><OrgPicker tenant={tenant.slug} placeholder="责任单位" style={{ width: 200 }} /></Form.Item>
                  <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true, message: '请选择办结期限' }]}><DatePicker placeholder="办结期限" /></Form.Item>
                  <Button onClick={() => remove(f.name)}>删除</Button>
                </Space>
              ))}
              <Button onClick={() => add()}>添加决定事项</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
