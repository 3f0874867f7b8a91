import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ProjectCreateSchema, ProjectUpdateSchema } from '@ronghe/schema';
import { App, Button, Col, DatePicker, Divider, Form, Input, InputNumber, Modal, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import type { Versioned } from '../../api/endpoints.ts';
import { projectApi, type ProjectCreateInput, type ProjectDetail, type ProjectUpdateInput } from '../../api/project-endpoints.ts';
import { applyNestedErrors, serverIssues } from '../../lib/formErrors.ts';
import { fenToYuanInput, formatFen, yuanToFen } from '../../lib/money.ts';
import { ProblemAlert } from '../../lib/ProblemAlert.tsx';
import { problemText, type ProblemText } from '../../lib/problems.ts';
import { useTenant } from '../../tenant.tsx';
import { OrgPicker } from '../accounts/OrgPicker.tsx';
import { AlliancePicker } from '../alliances/AlliancePicker.tsx';
import { FUNDING_SOURCES } from './labels.tsx';

interface FundingRow {
  source?: string;
  /** 元 as typed (InputNumber in string mode): converted to 分 from the decimal string. */
  amountYuan?: string | null;
}
interface MilestoneRow {
  title?: string;
  weight?: number | null;
  dueOn?: Dayjs | null;
}
interface FormValues {
  allianceId?: string | null;
  title?: string;
  description?: string;
  ownerName?: string;
  ownerOrgId?: string | null;
  startOn?: Dayjs | null;
  dueOn?: Dayjs | null;
  funding?: FundingRow[];
  milestones?: MilestoneRow[];
}

const FIELDS = new Set(['allianceId', 'title', 'description', 'ownerName', 'ownerOrgId', 'startOn', 'dueOn', 'funding', 'milestones']);
const DATE = 'YYYY-MM-DD';
const day = (d: Dayjs | null | undefined) => (d ? d.format(DATE) : null);
const text = (s: string | undefined) => (s?.trim() ? s.trim() : null);

// The API names an amount in 分; the form shows 元.
const renamePath = (path: readonly PropertyKey[]) => path.map((p) => (p === 'amountFen' ? 'amountYuan' : p));

interface Props {
  open: boolean;
  /** Edit this project; create when absent. */
  project?: Versioned<ProjectDetail>;
  /** A new project starts in this alliance (the list's alliance filter). */
  allianceId?: string;
  onClose(): void;
  onSaved(saved: Versioned<ProjectDetail>): void;
  onStale?(): Promise<Versioned<ProjectDetail> | undefined>;
}

function toFormValues(p: ProjectDetail): FormValues {
  return {
    allianceId: p.allianceId,
    title: p.title,
    description: p.description ?? undefined,
    ownerName: p.ownerName ?? undefined,
    ownerOrgId: p.ownerOrgId,
    startOn: p.startOn ? dayjs(p.startOn) : null,
    dueOn: dayjs(p.dueOn),
    funding: p.funding.map((f) => ({ source: f.source, amountYuan: fenToYuanInput(f.amountFen) })),
  };
}

/** Funding rows in 分; a row whose amount is not a valid 元 figure becomes an issue on that row. */
function fundingOf(rows: FundingRow[] | undefined): { funding: Array<{ source: string; amountFen: number }>; issues: Array<{ path: PropertyKey[]; message: string }> } {
  const funding: Array<{ source: string; amountFen: number }> = [];
  const issues: Array<{ path: PropertyKey[]; message: string }> = [];
  (rows ?? []).forEach((r, i) => {
    const fen = yuanToFen(r.amountYuan ?? null);
    if (fen === null) issues.push({ path: ['funding', i, 'amountYuan'], message: '请填写金额（元），最多两位小数' });
    funding.push({ source: r.source ?? '', amountFen: fen ?? 0 });
  });
  return { funding, issues };
}

export function ProjectFormModal({ open, project, allianceId, onClose, onSaved, onStale }: Props) {
  const { tenant } = useTenant();
  const { message } = App.useApp();
  const mode = project ? 'edit' : 'create';
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ProblemText | null>(null);
  const [current, setCurrent] = useState(project);
  const fundingRows = Form.useWatch('funding', form) as FundingRow[] | undefined;
  const total = (fundingRows ?? []).reduce((sum, r) => sum + (yuanToFen(r?.amountYuan ?? null) ?? 0), 0);
  const milestoneRows = Form.useWatch('milestones', form) as MilestoneRow[] | undefined;
  const weightSum = (milestoneRows ?? []).reduce((sum, r) => sum + (Number(r?.weight) || 0), 0);

  useEffect(() => {
    if (!open) return;
    setProblem(null);
    setCurrent(project);
    form.resetFields();
    if (project) form.setFieldsValue(toFormValues(project.value));
    else form.setFieldsValue({ allianceId: allianceId ?? null, funding: [], milestones: [] });
  }, [open, project, allianceId, form]);

  const showIssues = (issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>, summary?: string) => {
    const rest = applyNestedErrors(
      form,
      issues.map((i) => ({ path: renamePath(i.path), message: i.message })),
      FIELDS,
    );
    const items = rest.filter((m) => m !== summary);
    setProblem(summary || items.length ? { title: summary ?? '请检查以下内容', items, stale: false } : null);
  };

  const submit = async () => {
    setProblem(null);
    let v: FormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const { funding, issues } = fundingOf(v.funding);
    if (issues.length) return showIssues(issues);
    let save: () => Promise<Versioned<ProjectDetail>>;
    if (mode === 'create') {
      const payload = {
        allianceId: v.allianceId ?? '',
        title: v.title?.trim() ?? '',
        description: text(v.description),
        ownerName: text(v.ownerName),
        ownerOrgId: v.ownerOrgId ?? null,
        funding,
        startOn: day(v.startOn),
        dueOn: day(v.dueOn) ?? '',
        milestones: (v.milestones ?? []).map((m) => ({ title: m.title?.trim() ?? '', weight: Number(m.weight ?? 0), dueOn: day(m.dueOn) })),
      };
      const parsed = ProjectCreateSchema.safeParse(payload);
      if (!parsed.success) return showIssues(parsed.error.issues);
      const input: ProjectCreateInput = parsed.data;
      save = () => projectApi.create(tenant.slug, input);
    } else {
      const p = current!.value;
      const next = {
        title: v.title?.trim() ?? '',
        description: text(v.description),
        ownerName: text(v.ownerName),
        ownerOrgId: v.ownerOrgId ?? null,
        funding,
        startOn: day(v.startOn),
        dueOn: day(v.dueOn) ?? '',
      };
      const before = { title: p.title, description: p.description, ownerName: p.ownerName, ownerOrgId: p.ownerOrgId, funding: p.funding, startOn: p.startOn, dueOn: p.dueOn };
      const payload = Object.fromEntries(
        Object.entries(next).filter(([k, val]) => JSON.stringify(val) !== JSON.stringify(before[k as keyof typeof before])),
      );
      if (Object.keys(payload).length === 0) {
        message.info('没有需要保存的修改');
        return;
      }
      const parsed = ProjectUpdateSchema.safeParse(payload);
      if (!parsed.success) return showIssues(parsed.error.issues);
      const input: ProjectUpdateInput = parsed.data;
      save = () => projectApi.update(tenant.slug, p.id, current!.etag, input);
    }
    setSaving(true);
    try {
      const saved = await save();
      message.success(mode === 'create' ? `已新建项目“${saved.value.title}”` : `已保存“${saved.value.title}”的修改`);
      onSaved(saved);
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        showIssues(serverIssues(err.problem.errors), err.problem.detail);
      } else if (err instanceof ApiError && err.status === 412 && onStale) {
        setProblem(problemText(err));
        const fresh = await onStale();
        if (fresh) {
          setCurrent(fresh);
          form.setFieldsValue(toFormValues(fresh.value));
        }
      } else {
        setProblem(problemText(err));
      }
    } finally {
      setSaving(false);
    }
  };

  const known = current?.value.ownerOrgId ? [{ id: current.value.ownerOrgId, name: current.value.ownerOrgName ?? current.value.ownerOrgId }] : undefined;

  return (
    <Modal
      open={open}
      title={mode === 'create' ? '新建项目' : `编辑项目：${project?.value.title ?? ''}`}
      width={860}
      okText="保存"
      cancelText="取消"
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <ProblemAlert problem={problem} />
      <Form form={form} layout="vertical" name="project-form">
        <Row gutter={16}>
          {mode === 'create' && (
            <Col span={24}>
              <Form.Item label="党建联合体" name="allianceId" rules={[{ required: true, message: '请选择党建联合体' }]}>
                <AlliancePicker tenant={tenant.slug} />
              </Form.Item>
            </Col>
          )}
          <Col span={24}>
            <Form.Item label="项目名称" name="title" rules={[{ required: true, whitespace: true, message: '请填写项目名称' }]}>
              <Input maxLength={100} placeholder="如：铁南社区助老食堂" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="项目内容" name="description">
              <Input.TextArea rows={3} maxLength={5000} placeholder="要解决的问题、服务对象、实施方式" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="项目负责人" name="ownerName">
              <Input maxLength={20} placeholder="姓名" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="负责单位" name="ownerOrgId">
              <OrgPicker tenant={tenant.slug} known={known} placeholder="输入党组织名称搜索" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="开始日期" name="startOn">
              <DatePicker format={DATE} style={{ width: '100%' }} placeholder="可不填" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="完成期限" name="dueOn" rules={[{ required: true, message: '请选择完成期限' }]}>
              <DatePicker format={DATE} style={{ width: '100%' }} placeholder="选择日期" />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain>
          经费（上级拨、各方筹、党费补）
        </Divider>
        <Form.List name="funding">
          {(rows, { add, remove }) => (
            <>
              {rows.map((row) => (
                <Row gutter={8} key={row.key} align="top">
                  <Col flex="200px">
                    <Form.Item name={[row.name, 'source']} rules={[{ required: true, message: '请选择经费来源' }]}>
                      <Select options={FUNDING_SOURCES.map((s) => ({ value: s, label: s }))} placeholder="经费来源" />
                    </Form.Item>
                  </Col>
                  <Col flex="auto">
                    <Form.Item name={[row.name, 'amountYuan']} rules={[{ required: true, message: '请填写金额' }]}>
                      <InputNumber<string> stringMode min="0" precision={2} step="100" suffix="元" placeholder="金额" style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col flex="40px">
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label="移除经费" onClick={() => remove(row.name)} />
                  </Col>
                </Row>
              ))}
              <Space>
                <Button icon={<PlusOutlined />} onClick={() => add({ source: FUNDING_SOURCES[rows.length % FUNDING_SOURCES.length] })}>
                  添加经费来源
                </Button>
                <Typography.Text type="secondary" data-testid="funding-total">
                  合计 {formatFen(total)}
                </Typography.Text>
              </Space>
            </>
          )}
        </Form.List>

        {mode === 'create' && (
          <>
            <Divider titlePlacement="start" plain>
              实施节点（按权重汇总进度）
            </Divider>
            <Form.List name="milestones">
              {(rows, { add, remove }) => (
                <>
                  {rows.map((row) => (
                    <Row gutter={8} key={row.key} align="top">
                      <Col flex="auto">
                        <Form.Item name={[row.name, 'title']} rules={[{ required: true, whitespace: true, message: '请填写节点名称' }]}>
                          <Input maxLength={100} placeholder="节点名称，如：场地改造" />
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
                    {rows.length > 0 && <Typography.Text type="secondary">权重合计 {weightSum}，进度按各节点权重占比汇总</Typography.Text>}
                    {rows.length === 0 && <Typography.Text type="secondary">也可以保存后在“节点进度”中制定计划</Typography.Text>}
                  </Space>
                </>
              )}
            </Form.List>
          </>
        )}
      </Form>
    </Modal>
  );
}
