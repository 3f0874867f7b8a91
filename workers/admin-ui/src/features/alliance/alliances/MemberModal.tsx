import { MemberAddSchema, MemberUpdateSchema } from '@ronghe/schema';
import { Col, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { allianceApi } from '../../../api/alliance-endpoints.ts';
import { ApiError } from '../../../api/client.ts';
import { orgApi, type Versioned } from '../../../api/endpoints.ts';
import type { AllianceDetail, AllianceMember } from '../../../api/types.ts';
import { applyNestedErrors, serverIssues } from '../../../lib/formErrors.ts';
import { ProblemAlert } from '../../../lib/ProblemAlert.tsx';
import { problemText, type ProblemText } from '../../../lib/problems.ts';
import { OrgPicker } from '../../../shared/OrgPicker.tsx';
import { PersonPicker } from '../../../shared/PersonPicker.tsx';
import { toBp, toPct } from './allianceForm.ts';
import { CONSORTIUM_ROLE_OPTIONS, INDUSTRIAL_TYPE } from './labels.ts';
import { useFeedback } from '../../../lib/feedback.tsx';

interface Props {
  tenant: string;
  alliance: Versioned<AllianceDetail>;
  /** 'add' opens an empty form; a member opens it for editing. */
  target: 'add' | AllianceMember | null;
  /** A member's own liaison: only the liaison fields are theirs to change. */
  liaisonOnly?: boolean;
  onClose(): void;
  onSaved(next: Versioned<AllianceDetail>): void;
  onStale(): Promise<unknown>;
}

interface Values {
  orgId?: string | null;
  contributionPct?: number | null;
  consortiumRole?: string | null;
  liaisonName?: string;
  liaisonPhone?: string;
  liaisonPartyMember?: boolean;
  /** Issue 11: the liaison chosen from the people registry (name, phone and party membership then come from the person). */
  liaisonPersonId?: string | null;
}

const KNOWN = new Set(['orgId', 'contributionPct', 'consortiumRole', 'liaisonName', 'liaisonPhone', 'liaisonPartyMember', 'liaisonPersonId']);
const rename = (path: readonly PropertyKey[]) => path.map((p) => (p === 'contributionBp' ? 'contributionPct' : p));
const text = (v: string | undefined) => v?.trim() || null;

export function MemberModal({ tenant, alliance, target, liaisonOnly = false, onClose, onSaved, onStale }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = useFeedback();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ProblemText | null>(null);
  const industrial = alliance.value.type === INDUSTRIAL_TYPE;
  const editing = target && target !== 'add' ? target : null;
  const orgId = Form.useWatch('orgId', form);

  useEffect(() => {
    if (!target) return;
    setProblem(null);
    form.resetFields();
    if (editing)
      form.setFieldsValue({
        contributionPct: toPct(editing.contributionBp),
        consortiumRole: editing.consortiumRole,
        liaisonName: editing.liaisonName ?? '',
        liaisonPhone: editing.liaisonPhone ?? '',
        liaisonPartyMember: editing.liaisonPartyMember,
        liaisonPersonId: editing.liaisonPersonId,
      });
  }, [target, editing, form]);

  // The registry already records each organization's liaison: picking the member prefills it (still editable).
  const pickOrg = async (orgId: string | null) => {
    if (!orgId) return;
    try {
      const org = (await orgApi.get(tenant, orgId)).value;
      const filled = form.getFieldsValue(['liaisonName', 'liaisonPhone']);
      form.setFieldsValue({
        ...(org.liaisonName && !filled.liaisonName ? { liaisonName: org.liaisonName } : {}),
        // A masked phone (read-only roles) is not a number to save.
        ...(org.liaisonPhone && !org.liaisonPhone.includes('*') && !filled.liaisonPhone ? { liaisonPhone: org.liaisonPhone } : {}),
      });
    } catch {
      // Prefilling is a convenience: the form stays usable without it.
    }
  };

  const show = (issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>, summary?: string) => {
    const rest = applyNestedErrors(form, issues.map((i) => ({ path: rename(i.path), message: i.message })), KNOWN);
    const items = rest.filter((m) => m !== summary);
    setProblem(summary || items.length ? { title: summary ?? '请检查以下内容', items, stale: false } : null);
  };

  const submit = async () => {
    setProblem(null);
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    let save: () => Promise<Versioned<AllianceDetail>>;
    if (!editing) {
      const payload: Record<string, unknown> = { orgId: v.orgId ?? undefined };
      const bp = toBp(v.contributionPct);
      if (bp !== undefined) payload.contributionBp = bp;
      if (industrial && v.consortiumRole) payload.consortiumRole = v.consortiumRole;
      if (text(v.liaisonName)) payload.liaisonName = text(v.liaisonName);
      if (text(v.liaisonPhone)) payload.liaisonPhone = text(v.liaisonPhone);
      if (v.liaisonPartyMember) payload.liaisonPartyMember = true;
      // A liaison from the registry: the server copies name, phone and party membership from the person.
      if (v.liaisonPersonId) {
        delete payload.liaisonName;
        delete payload.liaisonPhone;
        delete payload.liaisonPartyMember;
        payload.liaisonPersonId = v.liaisonPersonId;
      }
      const parsed = MemberAddSchema.safeParse(payload);
      if (!parsed.success) return show(parsed.error.issues);
      save = () => allianceApi.addMember(tenant, alliance.value.id, alliance.etag, parsed.data);
    } else {
      const payload: Record<string, unknown> = {};
      const bp = toBp(v.contributionPct) ?? 0;
      if (!liaisonOnly && bp !== editing.contributionBp) payload.contributionBp = bp;
      if (!liaisonOnly && industrial && (v.consortiumRole ?? null) !== editing.consortiumRole) payload.consortiumRole = v.consortiumRole ?? null;
      if (text(v.liaisonName) !== editing.liaisonName) payload.liaisonName = text(v.liaisonName);
      if (text(v.liaisonPhone) !== editing.liaisonPhone) payload.liaisonPhone = text(v.liaisonPhone);
      if (Boolean(v.liaisonPartyMember) !== editing.liaisonPartyMember) payload.liaisonPartyMember = Boolean(v.liaisonPartyMember);
      if (v.liaisonPersonId && v.liaisonPersonId !== editing.liaisonPersonId) {
        delete payload.liaisonName;
        delete payload.liaisonPhone;
        delete payload.liaisonPartyMember;
        payload.liaisonPersonId = v.liaisonPersonId;
      }
      if (Object.keys(payload).length === 0) {
        message.info('没有需要保存的修改');
        return;
      }
      const parsed = MemberUpdateSchema.safeParse(payload);
      if (!parsed.success) return show(parsed.error.issues);
      save = () => allianceApi.updateMember(tenant, alliance.value.id, editing.id, editing.version, parsed.data);
    }
    setSaving(true);
    try {
      const next = await save();
      message.success(editing ? `已保存“${editing.orgName}”` : '已添加成员单位');
      onSaved(next);
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) show(serverIssues(err.problem.errors), err.problem.detail);
      else {
        setProblem(problemText(err));
        if (err instanceof ApiError && err.status === 412) await onStale();
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={target !== null}
      title={editing ? `编辑成员单位：${editing.orgName}` : '添加成员单位'}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      width={640}
    >
      <ProblemAlert problem={problem} />
      <Form form={form} layout="vertical" name="member-form">
        {!editing && (
          <Form.Item label="成员党组织" name="orgId" rules={[{ required: true, message: '请选择成员党组织' }]}>
            <OrgPicker tenant={tenant} placeholder="输入党组织名称搜索" onChange={(id) => void pickOrg(id)} />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="出资比例" name="contributionPct" extra="各方筹集经费时的分担比例">
              <InputNumber min={0} max={100} precision={2} suffix="%" style={{ width: '100%' }} disabled={liaisonOnly} />
            </Form.Item>
          </Col>
          {industrial && (
            <Col span={12}>
              <Form.Item label="在产业化联合体中的角色" name="consortiumRole">
                <Select options={CONSORTIUM_ROLE_OPTIONS} allowClear placeholder="请选择" disabled={liaisonOnly} />
              </Form.Item>
            </Col>
          )}
          <Col span={24}>
            <Form.Item label="从人员库选择联络员" name="liaisonPersonId" extra="本成员单位（或其下级党支部）的在册党员；选中后姓名、电话由人员信息带出。早先登记的联络员可继续在下方直接填写。">
              <PersonPicker
                tenant={tenant}
                orgId={editing ? editing.orgId : orgId}
                onChange={(id, person) => {
                  form.setFieldValue('liaisonPersonId', id);
                  if (person) form.setFieldsValue({ liaisonName: person.name, liaisonPhone: person.phone && !person.phone.includes('*') ? person.phone : '', liaisonPartyMember: true });
                }}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="联络员" name="liaisonName" extra="成员单位确定一名党员担任联络员">
              <Input placeholder="联络员姓名" maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="联络员电话" name="liaisonPhone">
              <Input placeholder="手机号或固定电话" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="联络员是否党员" name="liaisonPartyMember" valuePropName="checked" extra="联合体成立后，联络员须由党员担任">
              <Switch checkedChildren="党员" unCheckedChildren="非党员" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
