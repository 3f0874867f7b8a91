import { Alert, Col, Divider, Form, Input, InputNumber, Modal, Row, Select, Spin, Switch, TreeSelect } from 'antd';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { STRONGEST_STATUSES } from '@ronghe/schema/enums';
import { ApiError, errorText } from '../../api/client.ts';
import { orgApi } from '../../api/endpoints.ts';
import type { Organization, TreeItem } from '../../api/types.ts';
import { applyErrors, fromServerErrors, fromZodIssues } from '../../lib/formErrors.ts';
import { DOMAIN_OPTIONS, KIND_OPTIONS, QUALITY_OPTIONS } from '../../shared/orgLabels.ts';
import {
  createPayload,
  EDITABLE_SET,
  fieldRule,
  type FormValues,
  PHONE_FIELDS,
  toFormValues,
  updatePayload,
  validateCreate,
  validateUpdate,
} from './orgForm.ts';
import { useOnOpen } from '../../lib/useOnOpen.ts';
import { useFeedback } from '../../lib/feedback.tsx';

interface Props {
  open: boolean;
  tenant: string;
  /** Edit this organization; create when absent. */
  orgId?: string;
  defaultParentId?: string | null;
  treeItems: TreeItem[];
  onClose(): void;
  onSaved(org: Organization, mode: 'create' | 'edit'): void;
}

interface TreeSelectNode {
  value: string;
  title: string;
  disabled?: boolean;
  children?: TreeSelectNode[];
}

function treeSelectData(items: TreeItem[], excludeId?: string): TreeSelectNode[] {
  const byParent = new Map<string | null, TreeItem[]>();
  const ids = new Set(items.map((i) => i.id));
  for (const i of items) {
    const p = i.parentId && ids.has(i.parentId) ? i.parentId : null;
    byParent.set(p, [...(byParent.get(p) ?? []), i]);
  }
  // An organization cannot move under itself or its own descendants.
  const walk = (parent: string | null, blocked: boolean): TreeSelectNode[] =>
    (byParent.get(parent) ?? []).map((i) => {
      const self = blocked || i.id === excludeId;
      const kids = walk(i.id, self);
      return { value: i.id, title: i.name, disabled: self, children: kids.length ? kids : undefined };
    });
  return walk(null, false);
}

/**
 * Its children (why the save failed) above `after` (the buttons), brought into view together when
 * they appear: on a phone the alert alone in view would push 保存 below the screen's edge.
 */
function InView({ show, children, after }: { show: boolean; children: ReactNode; after: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (show) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [show]);
  return (
    <div ref={ref}>
      {show && <div style={{ textAlign: 'start' }}>{children}</div>}
      {after}
    </div>
  );
}

export function OrgFormModal({ open, tenant, orgId, defaultParentId, treeItems, onClose, onSaved }: Props) {
  const mode = orgId ? 'edit' : 'create';
  const [form] = Form.useForm<FormValues>();
  const { message } = useFeedback();
  const [original, setOriginal] = useState<{ value: Organization; etag: string } | null>(null);
  const [loading, setLoading] = useState(false);
  const [saving, setSaving] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  const [stale, setStale] = useState(false);
  const isExternal = Form.useWatch('isExternal', form);

  const parentOptions = useMemo(() => treeSelectData(treeItems, orgId), [treeItems, orgId]);
  const phonesLocked = mode === 'edit' && original?.value.phonesMasked === true;
  // Seed 004 三(四): an edit never sets 最强党支部 (the server refuses it); the one the organization holds stays choosable.
  const qualityOptions = useMemo(
    () =>
      mode === 'edit'
        ? QUALITY_OPTIONS.filter((o) => !(STRONGEST_STATUSES as readonly string[]).includes(o.value) || o.value === original?.value.qualityStatus)
        : QUALITY_OPTIONS,
    [mode, original],
  );

  const load = async () => {
    if (!orgId) return;
    setLoading(true);
    try {
      const v = await orgApi.get(tenant, orgId);
      setOriginal(v);
      form.resetFields();
      form.setFieldsValue(toFormValues(v.value));
    } catch (err) {
      message.error(errorText(err));
      onClose();
    } finally {
      setLoading(false);
    }
  };

  useOnOpen(open, () => {
    setGeneral([]);
    setStale(false);
    setOriginal(null);
    form.resetFields();
    if (orgId) void load();
    else form.setFieldsValue({ parentId: defaultParentId ?? undefined, qualityStatus: '未达标', memberCount: 0, weakFlag: false, isExternal: false });
  }, [orgId]);

  const submit = async () => {
    setGeneral([]);
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // antd shows the field messages
    }
    const skip = new Set<string>(phonesLocked ? PHONE_FIELDS : []);
    const payload = mode === 'create' ? createPayload(values) : updatePayload(values, original!.value, skip);
    const showIssues = (issues: Parameters<typeof fromZodIssues>[0]) =>
      setGeneral(applyErrors(form, fromZodIssues(issues, EDITABLE_SET)));
    let save: () => Promise<{ value: Organization }>;
    if (mode === 'create') {
      const parsed = validateCreate(payload);
      if (!parsed.success) return showIssues(parsed.error.issues);
      save = () => orgApi.create(tenant, parsed.data);
    } else {
      if (Object.keys(payload as object).length === 0) {
        message.info('没有需要保存的修改');
        return;
      }
      const parsed = validateUpdate(payload);
      if (!parsed.success) return showIssues(parsed.error.issues);
      save = () => orgApi.update(tenant, orgId!, original!.etag, parsed.data);
    }
    setSaving(true);
    try {
      const saved = await save();
      message.success(mode === 'create' ? `已新建“${saved.value.name}”` : `已保存“${saved.value.name}”的修改`);
      onSaved(saved.value, mode);
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) {
        setStale(true);
        message.warning('该党组织已被他人修改，已重新加载最新数据');
        await load();
      } else if (err instanceof ApiError && err.status === 422) {
        const mapped = fromServerErrors(err.problem.errors, EDITABLE_SET);
        const rest = applyErrors(form, mapped);
        setGeneral(rest.length ? rest : [err.problem.detail]);
        const first = [...mapped.fields.keys()][0];
        if (first) form.scrollToField(first, { block: 'center' });
      } else {
        setGeneral([errorText(err)]);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={mode === 'create' ? '新建党组织' : `编辑党组织${original ? `：${original.value.name}` : ''}`}
      width={780}
      okText="保存"
      cancelText="取消"
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      // Why a save did not go through sits right above 保存, where the eye is after pressing it,
      // and scrolls into view (the form is long on a phone).
      footer={(buttons) => (
        <>
          <InView show={stale || general.length > 0} after={buttons}>
            {stale && (
              <Alert
                type="warning"
                showIcon
                data-testid="stale-alert"
                title="数据已被他人修改"
                description="您打开后，该党组织已被其他人修改。表单已加载最新数据，请核对后重新修改并保存。"
                style={{ marginBottom: 12 }}
              />
            )}
            {general.length > 0 && (
              <Alert
                type="error"
                showIcon
                title="保存失败"
                description={general.length === 1 ? general[0] : <ul style={{ margin: 0, paddingLeft: 18 }}>{general.map((g) => <li key={g}>{g}</li>)}</ul>}
                style={{ marginBottom: 12 }}
              />
            )}
          </InView>
        </>
      )}
    >
      <Spin spinning={loading}>
        <Form form={form} layout="vertical" validateTrigger={['onBlur', 'onChange']} name="org-form">
          <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
            基本信息
          </Divider>
          <Row gutter={16}>
            <Col span={24}>
              <Form.Item label="组织名称" name="name" rules={[{ required: true, whitespace: true, message: '请输入组织名称' }, fieldRule('name')]}>
                <Input placeholder="如：铁南街道长青社区党委" maxLength={120} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="组织类别" name="kind" rules={[{ required: true, message: '请选择组织类别' }]}>
                <Select options={KIND_OPTIONS} placeholder="请选择" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="所属领域" name="domain" rules={[{ required: true, message: '请选择所属领域' }]}>
                <Select options={DOMAIN_OPTIONS} placeholder="请选择" showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="上级党组织（隶属）" name="parentId" extra="不选择则为本旗县区的顶层组织">
                <TreeSelect
                  treeData={parentOptions}
                  placeholder="请选择上级党组织"
                  allowClear
                  showSearch
                  treeNodeFilterProp="title"
                  listHeight={320}
                  popupMatchSelectWidth={false}
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="行政区划代码" name="divisionCode" rules={[fieldRule('divisionCode')]}>
                <Input placeholder="6、9 或 12 位数字，如 150402001" maxLength={12} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="外部成员单位" name="isExternal" valuePropName="checked" extra="外旗县区或市外的成员单位">
                <Switch checkedChildren="是" unCheckedChildren="否" />
              </Form.Item>
            </Col>
            {Boolean(isExternal) && (
              <Col span={12}>
                <Form.Item label="所在地区" name="externalRegion" rules={[fieldRule('externalRegion')]}>
                  <Input placeholder="如：北京市海淀区" />
                </Form.Item>
              </Col>
            )}
          </Row>
          <Divider titlePlacement="start" plain>
            负责人
          </Divider>
          {phonesLocked && (
            <Alert type="info" showIcon title="您无权查看完整电话号码，电话不能在此修改。" style={{ marginBottom: 12 }} />
          )}
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item label="书记" name="secretaryName" rules={[fieldRule('secretaryName')]}>
                <Input placeholder="书记姓名" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="书记电话" name="secretaryPhone" rules={phonesLocked ? [] : [fieldRule('secretaryPhone')]}>
                <Input placeholder="手机号或固定电话" disabled={phonesLocked} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="联络员" name="liaisonName" rules={[fieldRule('liaisonName')]}>
                <Input placeholder="联络员姓名" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="联络员电话" name="liaisonPhone" rules={phonesLocked ? [] : [fieldRule('liaisonPhone')]}>
                <Input placeholder="手机号或固定电话" disabled={phonesLocked} />
              </Form.Item>
            </Col>
          </Row>
          <Divider titlePlacement="start" plain>
            组织建设
          </Divider>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item label="党员人数" name="memberCount" rules={[fieldRule('memberCount')]}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item
                label="达标状态"
                name="qualityStatus"
                rules={[fieldRule('qualityStatus')]}
                extra={mode === 'edit' ? '最强党支部须通过“最强党支部评定”逐条核验后评定' : undefined}
              >
                <Select options={qualityOptions} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item label="软弱涣散" name="weakFlag" valuePropName="checked">
                <Switch checkedChildren="是" unCheckedChildren="否" />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Spin>
    </Modal>
  );
}
