import { RedRouteCreateSchema, RedRouteUpdateSchema, ROUTE_THEMES } from '@ronghe/schema';
import { Form, Input, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { redApi } from '../../../api/alliance-endpoints.ts';
import { ApiError } from '../../../api/client.ts';
import type { Versioned } from '../../../api/endpoints.ts';
import type { RedRoute } from '../../../api/types.ts';
import { applyNestedErrors, serverIssues } from '../../../lib/formErrors.ts';
import { ProblemAlert } from '../../../lib/ProblemAlert.tsx';
import { problemText, type ProblemText } from '../../../lib/problems.ts';
import { RouteChain } from './RouteChain.tsx';
import { StopList, type Stop } from './StopList.tsx';
import { useOnOpen } from '../../../lib/useOnOpen.ts';
import { useFeedback } from '../../../lib/feedback.tsx';

interface Props {
  tenant: string;
  open: boolean;
  /** Edit this route; create when absent. */
  routeId?: string;
  onClose(): void;
  onSaved(route: RedRoute): void;
}

interface Values {
  name?: string;
  theme?: string;
  description?: string;
  stops?: Stop[];
  archived?: boolean;
}

const KNOWN = new Set(['name', 'theme', 'description', 'stops']);
// The API calls the ordered stops allianceIds; the form keeps names with them to draw the chain.
const rename = (path: readonly PropertyKey[]) => path.map((p) => (p === 'allianceIds' ? 'stops' : p));
const stopsRule = {
  validator: async (_: unknown, v: Stop[] | undefined) => {
    const r = RedRouteCreateSchema.shape.allianceIds.safeParse((v ?? []).map((s) => s.id));
    if (!r.success) throw new Error(r.error.issues[0]?.message ?? '请选择沿线联合体');
  },
};
const THEME_OPTIONS = ROUTE_THEMES.map((t) => ({ value: t, label: t }));

export function RouteFormModal({ tenant, open, routeId, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = useFeedback();
  const [original, setOriginal] = useState<Versioned<RedRoute> | null>(null);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ProblemText | null>(null);
  const stops = Form.useWatch('stops', form) ?? [];

  const load = async () => {
    if (!routeId) return;
    try {
      const r = await redApi.route(tenant, routeId);
      setOriginal(r);
      form.setFieldsValue({
        name: r.value.name,
        theme: r.value.theme,
        description: r.value.description,
        stops: r.value.stops.map((s) => ({ id: s.id, name: s.name })),
        archived: r.value.status === 'archived',
      });
    } catch (err) {
      setProblem(problemText(err));
    }
  };

  useOnOpen(open, () => {
    setProblem(null);
    setOriginal(null);
    form.resetFields();
    if (routeId) void load();
    else form.setFieldsValue({ stops: [] });
  }, [routeId]);

  const show = (issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>, summary?: string) => {
    const rest = applyNestedErrors(form, issues.map((i) => ({ path: rename(i.path).slice(0, 1), message: i.message })), KNOWN);
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
    const payload = {
      name: v.name?.trim(),
      theme: v.theme,
      description: v.description?.trim(),
      allianceIds: (v.stops ?? []).map((s) => s.id),
    };
    let save: () => Promise<Versioned<RedRoute>>;
    if (!routeId) {
      const parsed = RedRouteCreateSchema.safeParse(payload);
      if (!parsed.success) return show(parsed.error.issues);
      save = () => redApi.createRoute(tenant, parsed.data);
    } else {
      if (!original) return;
      const before = original.value;
      const changes: Record<string, unknown> = {};
      if (payload.name !== before.name) changes.name = payload.name;
      if (payload.theme !== before.theme) changes.theme = payload.theme;
      if (payload.description !== before.description) changes.description = payload.description;
      if (payload.allianceIds.join(',') !== before.stops.map((s) => s.id).join(',')) changes.allianceIds = payload.allianceIds;
      const status = v.archived ? 'archived' : 'active';
      if (status !== before.status) changes.status = status;
      if (Object.keys(changes).length === 0) {
        message.info('没有需要保存的修改');
        return;
      }
      const parsed = RedRouteUpdateSchema.safeParse(changes);
      if (!parsed.success) return show(parsed.error.issues);
      save = () => redApi.updateRoute(tenant, routeId, original.etag, parsed.data);
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

  return (
    <Modal
      open={open}
      title={routeId ? '编辑红色风景线' : '新建红色风景线'}
      width={760}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <ProblemAlert problem={problem} />
      <Form form={form} layout="vertical" name="route-form">
        <Form.Item label="名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
          <Input maxLength={100} placeholder="如：西拉沐沦河乡村振兴红色风景线" />
        </Form.Item>
        <Form.Item label="主题" name="theme" rules={[{ required: true, message: '请选择主题' }]}>
          <Select options={THEME_OPTIONS} placeholder="请选择" />
        </Form.Item>
        <Form.Item label="简介" name="description" rules={[{ required: true, whitespace: true, message: '请填写简介' }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item label="沿线联合体（按顺序，至少 2 个；可拖动调整顺序）" name="stops" rules={[stopsRule]}>
          <StopList tenant={tenant} />
        </Form.Item>
        {stops.length > 0 && (
          <Form.Item label="预览">
            <RouteChain tenant={tenant} stops={stops} />
          </Form.Item>
        )}
        {routeId && (
          <Form.Item label="归档" name="archived" valuePropName="checked" extra="归档后不再在默认列表中显示">
            <Switch checkedChildren="已归档" unCheckedChildren="使用中" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
