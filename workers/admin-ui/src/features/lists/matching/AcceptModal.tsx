import { AcceptMatchSchema } from '@ronghe/schema';
import { Alert, Col, DatePicker, Form, Input, Radio, Row, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../../api/client.ts';
import { matchingApi, type AcceptResult } from '../../../api/list-endpoints.ts';
import type { ProjectSummaryView } from '@ronghe/schema';
import { applyNestedErrors, serverIssues } from '../../../lib/formErrors.ts';
import { FormModal } from '../../../lib/FormModal.tsx';
import { problemText, type ProblemText } from '../../../lib/problems.ts';
import { useTenant } from '../../../tenant.tsx';
import { MemberOrgSelect } from '../needs/MemberOrgSelect.tsx';
import { todayShanghai } from '../needs/labels.ts';
import { useOnOpen } from '../../../lib/useOnOpen.ts';
import { useFeedback } from '../../../lib/feedback.tsx';

/** One need–resource pair to confirm, with what the modal shows and the per-need projects need. */
export interface AcceptItem {
  needId: string;
  needTitle: string;
  needDeadline: string;
  allianceId: string;
  resourceId: string;
  resourceTitle: string;
  offeringOrgName: string;
  quantity: number;
  unit: string;
}

interface Props {
  open: boolean;
  items: readonly AcceptItem[];
  onClose(): void;
  /** Every accept went through: the projects made or extended. */
  onDone(projectIds: string[]): void;
  /** A 409: quantities changed meanwhile. The caller closes the modal, shows the problem and recomputes its plan. */
  onConflict(problem: ProblemText): void;
  /** Per-need projects: some went through before one failed; the modal stays open with the problem. */
  onPartial(projectIds: string[]): void;
}

type Mode = 'new' | 'existing' | 'perNeed';
interface FormValues {
  mode: Mode;
  title?: string;
  dueOn?: Dayjs | null;
  ownerOrgId?: string | null;
  projectId?: string;
}
const FIELDS: ReadonlySet<string> = new Set(['title', 'dueOn', 'ownerOrgId', 'projectId']);
/** `project.title` on the wire is `title` on this form. */
const flatten = (path: readonly PropertyKey[]) => (path[0] === 'project' ? path.slice(1) : path);

const dueOf = (deadline: string) => {
  const today = todayShanghai();
  return deadline < today ? today : deadline;
};

/** Confirms matches: into a new project, an existing proposed project of the alliance, or one project per need. */
export function AcceptModal({ open, items, onClose, onDone, onConflict, onPartial }: Props) {
  const { tenant } = useTenant();
  const { message } = useFeedback();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ProblemText | null>(null);
  const [projects, setProjects] = useState<ProjectSummaryView[] | null | 'loading'>('loading');
  const mode = Form.useWatch('mode', form);

  const alliances = useMemo(() => [...new Set(items.map((i) => i.allianceId))], [items]);
  const needs = useMemo(() => [...new Set(items.map((i) => i.needId))], [items]);
  const oneAlliance = alliances.length === 1 ? alliances[0]! : null;

  useOnOpen(open, () => {
    setProblem(null);
    form.resetFields();
    const latest = items.reduce((d, i) => (i.needDeadline > d ? i.needDeadline : d), '');
    form.setFieldsValue({
      mode: oneAlliance ? 'new' : 'perNeed',
      title: needs.length === 1 ? items[0]?.needTitle : `${items[0]?.needTitle ?? ''}等 ${needs.length} 项需求对接`.slice(0, 100),
      dueOn: dayjs(dueOf(latest || todayShanghai())),
      ownerOrgId: null,
    });
    setProjects('loading');
    if (!oneAlliance) return;
    let live = true;
    matchingApi
      .openProjects(tenant.slug, oneAlliance)
      .then((p) => live && setProjects(p))
      .catch(() => live && setProjects(null));
    return () => {
      live = false;
    };
  }, [items, form]);

  const conflict = (err: unknown, partly: string) => {
    const p = problemText(err);
    onConflict({ title: `${p.title.replace(/[。.]$/, '')}${partly}。已按最新数量重新计算，请核对后重新确认。`, items: p.items, stale: true });
  };

  const submit = async () => {
    setProblem(null);
    let v: FormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const pairs = (list: readonly AcceptItem[]) => list.map((i) => ({ needId: i.needId, resourceId: i.resourceId, quantity: i.quantity }));
    const bodies: Array<{ label: string; body: unknown }> = [];
    if (v.mode === 'perNeed') {
      for (const needId of needs) {
        const group = items.filter((i) => i.needId === needId);
        const first = group[0]!;
        bodies.push({ label: first.needTitle, body: { items: pairs(group), project: { title: first.needTitle.length >= 2 ? first.needTitle : `${first.needTitle}项目`, dueOn: dueOf(first.needDeadline) } } });
      }
    } else if (v.mode === 'existing') {
      bodies.push({ label: '', body: { items: pairs(items), projectId: v.projectId } });
    } else {
      bodies.push({
        label: '',
        body: { items: pairs(items), project: { title: v.title?.trim(), dueOn: v.dueOn?.format('YYYY-MM-DD'), ...(v.ownerOrgId ? { ownerOrgId: v.ownerOrgId } : {}) } },
      });
    }
    for (const b of bodies) {
      const parsed = AcceptMatchSchema.safeParse(b.body);
      if (!parsed.success) {
        const rest = applyNestedErrors(form, parsed.error.issues.map((i) => ({ path: flatten(i.path), message: i.message })), FIELDS);
        if (rest.length) setProblem({ title: b.label ? `“${b.label}”：请检查以下内容` : '请检查以下内容', items: rest, stale: false });
        return;
      }
    }
    setSaving(true);
    const done: AcceptResult[] = [];
    try {
      for (const b of bodies) done.push(await matchingApi.accept(tenant.slug, AcceptMatchSchema.parse(b.body)));
      message.success(bodies.length > 1 ? `已确认对接，生成 ${done.length} 个项目` : '已确认对接，项目已生成');
      onDone(done.map((d) => d.projectId));
    } catch (err) {
      const partly = done.length ? `（此前已确认 ${done.length} 项）` : '';
      if (err instanceof ApiError && err.status === 409) {
        conflict(err, partly);
      } else if (err instanceof ApiError && err.status === 422) {
        const rest = applyNestedErrors(form, serverIssues(err.problem.errors).map((i) => ({ path: flatten(i.path), message: i.message })), FIELDS);
        setProblem({ title: `${err.problem.detail}${partly}`, items: rest.filter((m) => m !== err.problem.detail), stale: false });
      } else {
        const p = problemText(err);
        setProblem({ ...p, title: `${p.title}${partly}` });
      }
      if (done.length) onPartial(done.map((d) => d.projectId));
    } finally {
      setSaving(false);
    }
  };

  const total = items.reduce((s, i) => s + i.quantity, 0);
  return (
    <FormModal open={open} title={`确认对接（${items.length} 条）`} width={760} okText="确认对接" state={{ saving, problem }} onOk={submit} onCancel={onClose}>
      <Table<AcceptItem>
        size="small"
        rowKey={(i) => `${i.needId}:${i.resourceId}`}
        dataSource={[...items]}
        pagination={items.length > 6 ? { pageSize: 6, showSizeChanger: false } : false}
        columns={[
          { title: '需求', dataIndex: 'needTitle', ellipsis: true },
          { title: '资源', dataIndex: 'resourceTitle', ellipsis: true, render: (t: string, i) => `${t}（${i.offeringOrgName}）` },
          { title: '数量', key: 'q', width: 100, align: 'right', render: (_, i) => `${i.quantity} ${i.unit}` },
        ]}
        style={{ marginBottom: 12 }}
      />
      <Typography.Paragraph type="secondary">
        共 {needs.length} 项需求、{total} 个单位。确认后数量即被承诺，资源方和需求方都会看到对接结果；项目由成员单位认领后实施。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" name="accept-form">
        <Form.Item name="mode" label="对接结果">
          <Radio.Group>
            <Radio value="new" disabled={!oneAlliance}>
              新建一个项目
            </Radio>
            <Radio value="existing" disabled={!oneAlliance || !Array.isArray(projects) || projects.length === 0}>
              并入已有项目
            </Radio>
            {needs.length > 1 && <Radio value="perNeed">每项需求各建一个项目</Radio>}
            {needs.length === 1 && !oneAlliance && <Radio value="perNeed">新建项目</Radio>}
          </Radio.Group>
        </Form.Item>
        {!oneAlliance && <Alert type="info" showIcon title="所选对接分属多个联合体：按需求分别生成项目，各归其联合体。" style={{ marginBottom: 12 }} />}
        {oneAlliance && projects === null && (
          <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
            暂时无法读取该联合体的待认领项目，只能新建项目。
          </Typography.Paragraph>
        )}
        {oneAlliance && Array.isArray(projects) && projects.length === 0 && (
          <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
            该联合体没有待认领的项目可以并入。
          </Typography.Paragraph>
        )}
        {mode === 'new' && (
          <Row gutter={16}>
            <Col span={24}>
              <Form.Item label="项目名称" name="title" rules={[{ required: true, whitespace: true, message: '请填写项目名称' }]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item label="完成期限" name="dueOn" rules={[{ required: true, message: '请选择完成期限' }]}>
                <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={14}>
              <Form.Item label="负责单位" name="ownerOrgId" extra="可不填，由成员单位认领">
                <MemberOrgSelect tenant={tenant.slug} allianceId={oneAlliance} placeholder="可不填" />
              </Form.Item>
            </Col>
          </Row>
        )}
        {mode === 'existing' && Array.isArray(projects) && (
          <Form.Item label="并入项目" name="projectId" rules={[{ required: true, message: '请选择要并入的项目' }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={projects.map((p) => ({ value: p.id, label: `${p.title}（完成期限 ${p.dueOn}）` }))}
              placeholder="选择待认领的项目"
            />
          </Form.Item>
        )}
        {mode === 'perNeed' && (
          <Typography.Paragraph type="secondary">每项需求生成一个以需求名称命名的项目，完成期限为需求的截止日期（已过期的取今天）。</Typography.Paragraph>
        )}
      </Form>
    </FormModal>
  );
}

/** After accepting: links to the projects made. */
export function projectLinks(tenant: string, ids: readonly string[]) {
  return ids.map((id, i) => (
    <Link key={id} to={`/t/${tenant}/projects/${id}`} style={{ marginRight: 8 }}>
      {ids.length > 1 ? `项目 ${i + 1}` : '查看项目'}
    </Link>
  ));
}
