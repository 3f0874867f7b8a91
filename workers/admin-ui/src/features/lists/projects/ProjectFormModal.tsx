import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ProjectCreateSchema, ProjectUpdateSchema } from '@ronghe/schema';
import { Button, Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Versioned } from '../../../api/endpoints.ts';
import { projectApi, type ProjectCreateInput, type ProjectDetail, type ProjectUpdateInput } from '../../../api/project-endpoints.ts';
import { FormModal } from '../../../lib/FormModal.tsx';
import { fenToYuanInput, formatFen, yuanToFen } from '../../../lib/money.ts';
import { changedFields, text } from '../../../lib/payload.ts';
import { planSave, type SavePlan, useItemForm } from '../../../lib/useItemForm.ts';
import { useTenant } from '../../../tenant.tsx';
import { OrgPicker } from '../../../shared/OrgPicker.tsx';
import { AlliancePicker } from '../../../shared/AlliancePicker.tsx';
import { FUNDING_SOURCES } from './labels.tsx';
import { milestoneInput, MilestoneRows, type MilestoneRow } from './MilestoneRows.tsx';

interface FundingRow {
  source?: string;
  /** 元 as typed (InputNumber in string mode): converted to 分 from the decimal string. */
  amountYuan?: string | null;
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
  const [form] = Form.useForm<FormValues>();
  const { mode, current, save, submit } = useItemForm({
    open,
    item: project,
    form,
    fields: FIELDS,
    renamePath,
    toForm: toFormValues,
    blank: () => ({ allianceId: allianceId ?? null, funding: [], milestones: [] }),
    savedText: (saved, mode) => (mode === 'create' ? `已新建项目“${saved.title}”` : `已保存“${saved.title}”的修改`),
    onStale,
  });
  const fundingRows = Form.useWatch('funding', form) as FundingRow[] | undefined;
  const total = (fundingRows ?? []).reduce((sum, r) => sum + (yuanToFen(r?.amountYuan ?? null) ?? 0), 0);

  const plan = (v: FormValues, cur?: Versioned<ProjectDetail>): SavePlan<Versioned<ProjectDetail>> => {
    const { funding, issues } = fundingOf(v.funding);
    if (issues.length) return { issues };
    const editable = {
      title: v.title?.trim() ?? '',
      description: text(v.description),
      ownerName: text(v.ownerName),
      ownerOrgId: v.ownerOrgId ?? null,
      funding,
      startOn: day(v.startOn),
      dueOn: day(v.dueOn) ?? '',
    };
    if (!cur) {
      const body = { allianceId: v.allianceId ?? '', ...editable, milestones: (v.milestones ?? []).map(milestoneInput) };
      return planSave(body, (b) => ProjectCreateSchema.safeParse(b), (input: ProjectCreateInput) => projectApi.create(tenant.slug, input));
    }
    const p = cur.value;
    const before = { title: p.title, description: p.description, ownerName: p.ownerName, ownerOrgId: p.ownerOrgId, funding: p.funding, startOn: p.startOn, dueOn: p.dueOn };
    return planSave(changedFields(editable, before), (b) => ProjectUpdateSchema.safeParse(b), (input: ProjectUpdateInput) => projectApi.update(tenant.slug, p.id, cur.etag, input));
  };

  const known = current?.ownerOrgId ? [{ id: current.ownerOrgId, name: current.ownerOrgName ?? current.ownerOrgId }] : undefined;

  return (
    <FormModal
      open={open}
      title={mode === 'create' ? '新建项目' : `编辑项目：${project?.value.title ?? ''}`}
      width={860}
      state={save}
      onOk={() => submit(plan, onSaved)}
      onCancel={onClose}
    >
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
            <MilestoneRows form={form} example="场地改造" sumNote="进度按各节点权重占比汇总" emptyHint="也可以保存后在“节点进度”中制定计划" />
          </>
        )}
      </Form>
    </FormModal>
  );
}
