import { Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { ORG_LIFE_KIND_LABELS, ORG_LIFE_KINDS } from '@ronghe/schema/enums';
import type { OrgLifeRecordView } from '@ronghe/schema';
import { ApiError } from '../../api/client.ts';
import { fromServerErrors } from '../../lib/formErrors.ts';
import { ProblemAlert } from '../../lib/ProblemAlert.tsx';
import { useLoaded } from '../../lib/useLoaded.ts';
import { problemText, type ProblemText } from '../../lib/problems.ts';
import { OrgPicker } from '../../shared/OrgPicker.tsx';
import { useTenant } from '../../tenant.tsx';
import { orgLifeApi } from './api.ts';
import { useFeedback } from '../../lib/feedback.tsx';

const KIND_OPTIONS = ORG_LIFE_KINDS.map((k) => ({ value: k, label: ORG_LIFE_KIND_LABELS[k] }));
const FIELDS = new Set(['orgId', 'kind', 'heldOn', 'topic', 'minutes', 'attendeeIds']);

/** 组织生活记录: the list (by branch, kind, year) and the form with the branch's members as attendees. */
export function RecordsTab({ year }: { year: number }) {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const canRecord = !tenant.readOnly && tenant.actions.includes('org_life.record');
  const [filter, setFilter] = useState<{ orgId?: string; kind?: string }>({});
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const [viewing, setViewing] = useState<OrgLifeRecordView | null>(null);

  const { data, problem, loading, reload: load } = useLoaded(
    useCallback(() => orgLifeApi.records(tenant.slug, { ...filter, year, page, limit: 20 }), [tenant.slug, filter, year, page]),
  );

  const columns: ColumnsType<OrgLifeRecordView> = [
    { title: '会议日期', dataIndex: 'heldOn', width: 110 },
    { title: '党支部', dataIndex: 'orgName', width: 200 },
    { title: '类型', dataIndex: 'kind', width: 120, render: (k: OrgLifeRecordView['kind']) => <Tag>{ORG_LIFE_KIND_LABELS[k]}</Tag> },
    { title: '主题', dataIndex: 'topic', render: (v: string, r) => <a onClick={() => setViewing(r)}>{v}</a> },
    { title: '到会', width: 90, render: (_: unknown, r) => `${r.presentCount}/${r.expectedCount}` },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <OrgPicker tenant={tenant.slug} filter={{ kind: '党支部' }} placeholder="全部党支部" style={{ width: 240 }} value={filter.orgId ?? null} onChange={(v) => { setPage(1); setFilter((f) => ({ ...f, orgId: v ?? undefined })); }} />
        <Select allowClear placeholder="全部类型" style={{ width: 160 }} options={KIND_OPTIONS} value={filter.kind} onChange={(v) => { setPage(1); setFilter((f) => ({ ...f, kind: v })); }} />
        {canRecord && <Button type="primary" onClick={() => setOpen(true)}>登记组织生活</Button>}
      </Space>
      <ProblemAlert problem={problem} style={{ marginBottom: 12 }} />
      <Table rowKey="id" size="small" loading={loading} columns={columns} dataSource={data?.items ?? []} scroll={{ x: 700 }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, showSizeChanger: false, showTotal: (n) => `共 ${n} 条`, onChange: setPage }}
        locale={{ emptyText: '本年度暂无组织生活记录' }} />
      {open && <RecordForm onClose={() => setOpen(false)} onSaved={() => { setOpen(false); message.success('已登记'); void load(); }} />}
      <Modal open={!!viewing} title={viewing ? `${ORG_LIFE_KIND_LABELS[viewing.kind]}：${viewing.topic}` : ''} footer={null} onCancel={() => setViewing(null)}>
        {viewing && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text>{viewing.orgName} · {viewing.heldOn} · 应到 {viewing.expectedCount} 人，实到 {viewing.presentCount} 人</Typography.Text>
            <Typography.Text type="secondary">参会党员：{viewing.attendees.map((a) => a.name).join('、') || '—'}</Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{viewing.minutes || '（无会议记录）'}</Typography.Paragraph>
          </Space>
        )}
      </Modal>
    </>
  );
}

function RecordForm({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const { tenant } = useTenant();
  const [form] = Form.useForm();
  const [members, setMembers] = useState<Array<{ id: string; name: string }>>([]);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ProblemText | null>(null);
  const orgId = Form.useWatch('orgId', form) as string | undefined;

  useEffect(() => {
    form.setFieldValue('attendeeIds', []);
    if (!orgId) return setMembers([]);
    orgLifeApi.members(tenant.slug, orgId).then(setMembers, (err) => setProblem(problemText(err)));
  }, [orgId, tenant.slug, form]);

  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setProblem(null);
    try {
      await orgLifeApi.record(tenant.slug, { ...v, heldOn: (v.heldOn as dayjs.Dayjs).format('YYYY-MM-DD'), attendeeIds: v.attendeeIds ?? [], minutes: v.minutes || undefined });
      onSaved();
    } catch (err) {
      if (err instanceof ApiError) {
        const mapped = fromServerErrors(err.problem.errors, FIELDS);
        form.setFields([...mapped.fields].map(([name, errors]) => ({ name, errors })));
      }
      setProblem(problemText(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title="登记组织生活" okText="登记" cancelText="取消" confirmLoading={saving} onOk={() => void save()} onCancel={onClose} width={640}>
      <ProblemAlert problem={problem} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" initialValues={{ kind: 'committee', heldOn: dayjs(), attendeeIds: [] }}>
        <Form.Item name="orgId" label="党支部" rules={[{ required: true, message: '请选择党支部' }]}>
          <OrgPicker tenant={tenant.slug} filter={{ kind: '党支部' }} placeholder="搜索党支部" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
            <Select style={{ width: 180 }} options={KIND_OPTIONS} />
          </Form.Item>
          <Form.Item name="heldOn" label="会议日期" rules={[{ required: true, message: '请选择会议日期' }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </Space>
        <Form.Item name="topic" label="主题" rules={[{ required: true, message: '请填写主题' }, { max: 100, message: '主题不能超过 100 个字' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="attendeeIds" label={orgId ? `参会党员（本支部在册 ${members.length} 人）` : '参会党员'}>
          <Select mode="multiple" placeholder={orgId ? '选择到会党员' : '请先选择党支部'} disabled={!orgId} options={members.map((m) => ({ value: m.id, label: m.name }))} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="minutes" label="会议记录">
          <Input.TextArea rows={5} maxLength={20000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
