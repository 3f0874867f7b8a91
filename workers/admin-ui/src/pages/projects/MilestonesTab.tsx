import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { MilestoneProgressSchema, MilestonesInputSchema } from '@ronghe/schema';
import { App, Button, Col, DatePicker, Empty, Form, Input, InputNumber, Modal, Progress, Row, Slider, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { projectApi, type Milestone } from '../../api/project-endpoints.ts';
import { applyNestedErrors, serverIssues } from '../../lib/formErrors.ts';
import { bpToPct } from '../../lib/money.ts';
import { ProblemAlert } from '../../lib/ProblemAlert.tsx';
import { problemText, type ProblemText } from '../../lib/problems.ts';
import { OverdueTag, pctText } from './labels.tsx';
import type { TabProps } from './tabProps.ts';

const DATE = 'YYYY-MM-DD';

interface PlanRow {
  id?: string;
  title?: string;
  weight?: number | null;
  dueOn?: Dayjs | null;
}

/** Writes that answer 412 reload the project so the retry carries the new version. */
export async function guarded<T>(reload: TabProps['reload'], fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ApiError && err.status === 412) await reload();
    throw err;
  }
}

function PlanModal({ open, onClose, tenant, project, onChanged, reload }: TabProps & { open: boolean; onClose(): void }) {
  const [form] = Form.useForm<{ milestones: PlanRow[] }>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ProblemText | null>(null);
  const { message } = App.useApp();
  const rows = Form.useWatch('milestones', form) as PlanRow[] | undefined;
  const sum = (rows ?? []).reduce((s, r) => s + (Number(r?.weight) || 0), 0);

  useEffect(() => {
    if (!open) return;
    setProblem(null);
    form.resetFields();
    form.setFieldsValue({
      milestones: project.value.milestones.map((m) => ({ id: m.id, title: m.title, weight: m.weight, dueOn: m.dueOn ? dayjs(m.dueOn) : null })),
    });
  }, [open, form]);

  const submit = async () => {
    setProblem(null);
    let v: { milestones?: PlanRow[] };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const payload = {
      milestones: (v.milestones ?? []).map((m) => ({
        ...(m.id ? { id: m.id } : {}),
        title: m.title?.trim() ?? '',
        weight: Number(m.weight ?? 0),
        dueOn: m.dueOn ? m.dueOn.format(DATE) : null,
      })),
    };
    const parsed = MilestonesInputSchema.safeParse(payload);
    if (!parsed.success) {
      const rest = applyNestedErrors(form, parsed.error.issues, new Set(['milestones']));
      if (rest.length) setProblem({ title: '请检查以下内容', items: rest, stale: false });
      return;
    }
    setSaving(true);
    try {
      const next = await guarded(reload, () => projectApi.planMilestones(tenant, project.value.id, project.etag, parsed.data.milestones));
      onChanged(next);
      message.success('节点计划已保存');
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        const rest = applyNestedErrors(form, serverIssues(err.problem.errors), new Set(['milestones']));
        setProblem({ title: err.problem.detail, items: rest.filter((m) => m !== err.problem.detail), stale: false });
      } else setProblem(problemText(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title="节点计划"
      width={760}
      okText="保存计划"
      cancelText="取消"
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">项目进度按各节点的权重占比汇总；已有节点的完成情况保留，删除节点将同时删除其进度记录。</Typography.Paragraph>
      <ProblemAlert problem={problem} />
      <Form form={form} name="milestone-plan" layout="vertical">
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <>
              {fields.map((row) => (
                <Row gutter={8} key={row.key} align="top">
                  <Form.Item name={[row.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Col flex="auto">
                    <Form.Item name={[row.name, 'title']} rules={[{ required: true, whitespace: true, message: '请填写节点名称' }]}>
                      <Input maxLength={100} placeholder="节点名称" />
                    </Form.Item>
                  </Col>
                  <Col flex="130px">
                    <Form.Item name={[row.name, 'weight']} rules={[{ required: true, message: '请填写权重' }]}>
                      <InputNumber min={1} max={100} precision={0} prefix="权重" style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col flex="170px">
                    <Form.Item name={[row.name, 'dueOn']}>
                      <DatePicker format={DATE} style={{ width: '100%' }} placeholder="节点期限" />
                    </Form.Item>
                  </Col>
                  <Col flex="40px">
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label="移除节点" onClick={() => remove(row.name)} />
                  </Col>
                </Row>
              ))}
              <Space>
                <Button icon={<PlusOutlined />} onClick={() => add({ weight: 1 })}>
                  添加节点
                </Button>
                <Typography.Text type="secondary">权重合计 {sum}</Typography.Text>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

function ProgressModal({ milestone, onClose, tenant, project, onChanged, reload }: TabProps & { milestone: Milestone | null; onClose(): void }) {
  const [form] = Form.useForm<{ progressPct: number; note?: string }>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ProblemText | null>(null);
  const { message } = App.useApp();
  const pct = Form.useWatch('progressPct', form);

  useEffect(() => {
    if (!milestone) return;
    setProblem(null);
    form.resetFields();
    form.setFieldsValue({ progressPct: milestone.progressPct, note: milestone.note ?? undefined });
  }, [milestone, form]);

  const submit = async () => {
    if (!milestone) return;
    setProblem(null);
    let v: { progressPct: number; note?: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const parsed = MilestoneProgressSchema.safeParse({ progressPct: Number(v.progressPct), note: v.note?.trim() || null });
    if (!parsed.success) {
      const rest = applyNestedErrors(form, parsed.error.issues, new Set(['progressPct', 'note']));
      if (rest.length) setProblem({ title: '请检查以下内容', items: rest, stale: false });
      return;
    }
    setSaving(true);
    try {
      const next = await guarded(reload, () => projectApi.progress(tenant, project.value.id, project.etag, milestone.id, parsed.data));
      onChanged(next);
      message.success(`“${milestone.title}”进度已更新为 ${parsed.data.progressPct}%`);
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        const rest = applyNestedErrors(form, serverIssues(err.problem.errors), new Set(['progressPct', 'note']));
        setProblem({ title: err.problem.detail, items: rest.filter((m) => m !== err.problem.detail), stale: false });
      } else setProblem(problemText(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={milestone !== null}
      title={`更新进度：${milestone?.title ?? ''}`}
      okText="保存进度"
      cancelText="取消"
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <ProblemAlert problem={problem} />
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
    </Modal>
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
      render: (v: string | null, m) => (
        <Space size={4}>
          {v ?? '—'}
          {m.overdue && <OverdueTag />}
        </Space>
      ),
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
