import { EditOutlined } from '@ant-design/icons';
import { MilestoneProgressSchema, MilestonesInputSchema } from '@ronghe/schema';
import { Button, Col, Empty, Form, Input, InputNumber, Progress, Row, Slider, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { projectApi, type Milestone } from '../../../api/project-endpoints.ts';
import { FormModal } from '../../../lib/FormModal.tsx';
import { bpToPct } from '../../../lib/money.ts';
import { useFormSave } from '../../../lib/useFormSave.ts';
import { DueDate, pctText } from './labels.tsx';
import { milestoneInput, MilestoneRows, type MilestoneRow } from './MilestoneRows.tsx';
import type { TabProps } from './tabProps.ts';
import { useOnOpen } from '../../../lib/useOnOpen.ts';
import { useFeedback } from '../../../lib/feedback.tsx';

const PLAN_FIELDS = new Set(['milestones']);
const PROGRESS_FIELDS = new Set(['progressPct', 'note']);

function PlanModal({ open, onClose, tenant, project, onChanged, reload }: TabProps & { open: boolean; onClose(): void }) {
  const [form] = Form.useForm<{ milestones: MilestoneRow[] }>();
  const save = useFormSave(form, PLAN_FIELDS);
  const { message } = useFeedback();

  useOnOpen(open, () => {
    save.reset({ milestones: project.value.milestones.map((m) => ({ id: m.id, title: m.title, weight: m.weight, dueOn: m.dueOn ? dayjs(m.dueOn) : null })) });
  }, [form]);

  const submit = async () => {
    const v = await save.validated();
    if (!v) return;
    const parsed = MilestonesInputSchema.safeParse({ milestones: (v.milestones ?? []).map(milestoneInput) });
    if (!parsed.success) return save.showIssues(parsed.error.issues);
    await save.save(async () => {
      onChanged(await projectApi.planMilestones(tenant, project.value.id, project.etag, parsed.data.milestones));
      message.success('节点计划已保存');
      onClose();
    }, async () => void (await reload()));
  };

  return (
    <FormModal open={open} title="节点计划" width={760} okText="保存计划" state={save} onOk={submit} onCancel={onClose}>
      <Typography.Paragraph type="secondary">项目进度按各节点的权重占比汇总；已有节点的完成情况保留，删除节点将同时删除其进度记录。</Typography.Paragraph>
      <Form form={form} name="milestone-plan" layout="vertical">
        <MilestoneRows form={form} />
      </Form>
    </FormModal>
  );
}

function ProgressModal({ milestone, onClose, tenant, project, onChanged, reload }: TabProps & { milestone: Milestone | null; onClose(): void }) {
  const [form] = Form.useForm<{ progressPct: number; note?: string }>();
  const save = useFormSave(form, PROGRESS_FIELDS);
  const { message } = useFeedback();
  const pct = Form.useWatch('progressPct', form);

  useEffect(() => {
    if (milestone) save.reset({ progressPct: milestone.progressPct, note: milestone.note ?? undefined });
  }, [milestone, form]);

  const submit = async () => {
    if (!milestone) return;
    const v = await save.validated();
    if (!v) return;
    const parsed = MilestoneProgressSchema.safeParse({ progressPct: Number(v.progressPct), note: v.note?.trim() || null });
    if (!parsed.success) return save.showIssues(parsed.error.issues);
    await save.save(async () => {
      onChanged(await projectApi.progress(tenant, project.value.id, project.etag, milestone.id, parsed.data));
      message.success(`“${milestone.title}”进度已更新为 ${parsed.data.progressPct}%`);
      onClose();
    }, async () => void (await reload()));
  };

  return (
    <FormModal open={milestone !== null} title={`更新进度：${milestone?.title ?? ''}`} okText="保存进度" state={save} onOk={submit} onCancel={onClose}>
      <Form form={form} name="milestone-progress" layout="vertical">
        <Form.Item label="完成百分比" required>
          <Row gutter={12} align="middle">
            <Col flex="auto">
              <Slider min={0} max={100} value={Number(pct ?? 0)} onChange={(n) => form.setFieldValue('progressPct', n)} />
            </Col>
            <Col flex="120px">
              <Form.Item name="progressPct" noStyle rules={[{ required: true, message: '请填写完成百分比' }]}>
                <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </Form.Item>
        <Form.Item label="进展说明" name="note">
          <Input.TextArea rows={3} maxLength={1000} placeholder="本节点完成了哪些工作" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 节点进度: the plan (for the alliance) and each milestone's progress (for the claimants). */
export function MilestonesTab(props: TabProps) {
  const p = props.project.value;
  const [planning, setPlanning] = useState(false);
  const [updating, setUpdating] = useState<Milestone | null>(null);
  const weightSum = p.milestones.reduce((s, m) => s + m.weight, 0);
  const columns: ColumnsType<Milestone> = [
    { title: '序号', width: 60, render: (_v, _m, i) => i + 1 },
    { title: '节点', dataIndex: 'title' },
    {
      title: '权重',
      dataIndex: 'weight',
      width: 110,
      render: (w: number) => (
        <span>
          {w}
          <Typography.Text type="secondary">{weightSum > 0 ? `（${Math.round((w / weightSum) * 1000) / 10}%）` : ''}</Typography.Text>
        </span>
      ),
    },
    {
      title: '期限',
      dataIndex: 'dueOn',
      width: 150,
      render: (v: string | null, m) => <DueDate date={v} overdue={m.overdue} />,
    },
    { title: '完成情况', dataIndex: 'progressPct', width: 200, render: (pct: number) => <Progress format={pctText} percent={pct} size="small" data-testid="milestone-progress" /> },
    { title: '完成日期', dataIndex: 'doneOn', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '进展说明', dataIndex: 'note', ellipsis: true, render: (v: string | null) => v ?? '—' },
    ...(p.can.progress
      ? [
          {
            title: '操作',
            width: 110,
            render: (_: unknown, m: Milestone) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setUpdating(m)}>
                更新进度
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Space>
          <Typography.Text strong>总体进度</Typography.Text>
          <Progress format={pctText} percent={bpToPct(p.progressBp)} style={{ width: 240, marginBottom: 0 }} data-testid="project-progress-tab" />
        </Space>
        {p.can.plan && (
          <Button icon={<EditOutlined />} onClick={() => setPlanning(true)}>
            {p.milestones.length ? '调整节点计划' : '制定节点计划'}
          </Button>
        )}
      </Space>
      {p.milestones.length === 0 ? (
        <Empty description="尚未制定实施节点" />
      ) : (
        <Table<Milestone> rowKey="id" size="small" columns={columns} dataSource={p.milestones} pagination={false} data-testid="milestone-table" />
      )}
      {p.milestones.some((m) => m.progressPct < 100) && p.status === 'in_progress' && !p.can.progress && (
        <Tag color="default">节点进度由认领单位填报</Tag>
      )}
      <PlanModal {...props} open={planning} onClose={() => setPlanning(false)} />
      <ProgressModal {...props} milestone={updating} onClose={() => setUpdating(null)} />
    </Space>
  );
}
