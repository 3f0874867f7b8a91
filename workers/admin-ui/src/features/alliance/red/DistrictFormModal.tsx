import { RedDistrictCreateSchema, RedDistrictUpdateSchema } from '@ronghe/schema';
import { Form, Input, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { redApi } from '../../../api/alliance-endpoints.ts';
import { ApiError } from '../../../api/client.ts';
import type { Versioned } from '../../../api/endpoints.ts';
import type { RedDistrict, RedRoute } from '../../../api/types.ts';
import { applyNestedErrors, serverIssues } from '../../../lib/formErrors.ts';
import { ProblemAlert } from '../../../lib/ProblemAlert.tsx';
import { problemText, type ProblemText } from '../../../lib/problems.ts';
import { AlliancePicker } from '../../../shared/AlliancePicker.tsx';
import { useOnOpen } from '../../../lib/useOnOpen.ts';
import { useFeedback } from '../../../lib/feedback.tsx';

interface Props {
  tenant: string;
  open: boolean;
  districtId?: string;
  /** The county's routes, to choose from (a county has a handful). */
  routes: RedRoute[];
  onClose(): void;
  onSaved(district: RedDistrict): void;
}

interface Values {
  name?: string;
  description?: string;
  allianceIds?: string[];
  routeIds?: string[];
  archived?: boolean;
}

const KNOWN = new Set(['name', 'description', 'allianceIds', 'routeIds']);
const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

export function DistrictFormModal({ tenant, open, districtId, routes, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = useFeedback();
  const [original, setOriginal] = useState<Versioned<RedDistrict> | null>(null);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ProblemText | null>(null);

  const load = async () => {
    if (!districtId) return;
    try {
      const d = await redApi.district(tenant, districtId);
      setOriginal(d);
      form.setFieldsValue({
        name: d.value.name,
        description: d.value.description,
        allianceIds: d.value.alliances.map((a) => a.id),
        routeIds: d.value.routes.map((r) => r.id),
        archived: d.value.status === 'archived',
      });
    } catch (err) {
      setProblem(problemText(err));
    }
  };

  useOnOpen(open, () => {
    setProblem(null);
    setOriginal(null);
    form.resetFields();
    if (districtId) void load();
    else form.setFieldsValue({ allianceIds: [], routeIds: [] });
  }, [districtId]);

  const show = (issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>, summary?: string) => {
    const rest = applyNestedErrors(form, issues.map((i) => ({ path: i.path.slice(0, 1), message: i.message })), KNOWN);
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
    const payload = { name: v.name?.trim(), description: v.description?.trim(), allianceIds: v.allianceIds ?? [], routeIds: v.routeIds ?? [] };
    let save: () => Promise<Versioned<RedDistrict>>;
    if (!districtId) {
      const parsed = RedDistrictCreateSchema.safeParse(payload);
      if (!parsed.success) return show(parsed.error.issues);
      save = () => redApi.createDistrict(tenant, parsed.data);
    } else {
      if (!original) return;
      const before = original.value;
      const changes: Record<string, unknown> = {};
      if (payload.name !== before.name) changes.name = payload.name;
      if (payload.description !== before.description) changes.description = payload.description;
      if (!sameSet(payload.allianceIds, before.alliances.map((a) => a.id))) changes.allianceIds = payload.allianceIds;
      if (!sameSet(payload.routeIds, before.routes.map((r) => r.id))) changes.routeIds = payload.routeIds;
      const status = v.archived ? 'archived' : 'active';
      if (status !== before.status) changes.status = status;
      if (Object.keys(changes).length === 0) {
        message.info('没有需要保存的修改');
        return;
      }
      const parsed = RedDistrictUpdateSchema.safeParse(changes);
      if (!parsed.success) return show(parsed.error.issues);
      save = () => redApi.updateDistrict(tenant, districtId, original.etag, parsed.data);
    }
    setSaving(true);
    try {
      const saved = await save();
      message.success(`已保存“${saved.value.name}”`);
      onSaved(saved.value);
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) show(serverIssues(err.problem.errors), err.problem.detail);
      else {
        setProblem(problemText(err));
        if (err instanceof ApiError && err.status === 412) await load();
      }
    } finally {
      setSaving(false);
    }
  };

  const known = original?.value.alliances.map((a) => ({ id: a.id, name: a.name }));
  const routeOptions = [
    ...routes.map((r) => ({ value: r.id, label: `${r.name}（${r.theme}）` })),
    // A route archived since it joined the district stays visible here.
    ...(original?.value.routes ?? []).filter((r) => !routes.some((x) => x.id === r.id)).map((r) => ({ value: r.id, label: `${r.name}（${r.theme}）` })),
  ];
  return (
    <Modal
      open={open}
      title={districtId ? '编辑红色片区' : '新建红色片区'}
      width={720}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <ProblemAlert problem={problem} />
      <Form form={form} layout="vertical" name="district-form">
        <Form.Item label="名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
          <Input maxLength={100} placeholder="如：铁南红色片区" />
        </Form.Item>
        <Form.Item label="简介" name="description" rules={[{ required: true, whitespace: true, message: '请填写简介' }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item label="包含的联合体" name="allianceIds">
          <AlliancePicker tenant={tenant} multiple known={known} />
        </Form.Item>
        <Form.Item label="包含的红色风景线" name="routeIds" extra="片区至少包含一个联合体或一条红色风景线">
          <Select mode="multiple" options={routeOptions} placeholder="请选择" showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        {districtId && (
          <Form.Item label="归档" name="archived" valuePropName="checked">
            <Switch checkedChildren="已归档" unCheckedChildren="使用中" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
