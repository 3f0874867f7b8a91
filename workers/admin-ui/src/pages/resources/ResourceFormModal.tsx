import { App, Col, DatePicker, Divider, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import type { Versioned } from '../../api/endpoints.ts';
import { resourceApi, type ResourceView } from '../../api/list-endpoints.ts';
import { applyNestedErrors, serverIssues } from '../../lib/formErrors.ts';
import { PlaceFields } from '../../lib/PlaceFields.tsx';
import { ProblemAlert } from '../../lib/ProblemAlert.tsx';
import { problemText, type ProblemText } from '../../lib/problems.ts';
import { useTenant } from '../../tenant.tsx';
import { AllianceFilter } from '../needs/AllianceFilter.tsx';
import { categoryOptions, useCategories } from '../categories/useCategories.ts';
import { LOCALITY_OPTIONS, RESOURCE_KIND_OPTIONS } from '../needs/labels.ts';
import { MemberOrgSelect } from '../needs/MemberOrgSelect.tsx';
import {
  RESOURCE_FIELD_SET,
  renameWindow,
  resourceCreatePayload,
  resourceToForm,
  resourceUpdatePayload,
  type ResourceFormValues,
  validateResourceCreate,
  validateResourceUpdate,
} from './resourceForm.ts';

interface Props {
  open: boolean;
  resource?: Versioned<ResourceView>;
  allianceId?: string;
  onClose(): void;
  onSaved(saved: Versioned<ResourceView>, mode: 'create' | 'edit'): void;
  onStale?(): Promise<Versioned<ResourceView> | undefined>;
}

type Issue = { path: readonly PropertyKey[]; message: string };

export function ResourceFormModal({ open, resource, allianceId, onClose, onSaved, onStale }: Props) {
  const { tenant } = useTenant();
  const { message } = App.useApp();
  const mode = resource ? 'edit' : 'create';
  const [form] = Form.useForm<ResourceFormValues>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ProblemText | null>(null);
  const [current, setCurrent] = useState<Versioned<ResourceView> | undefined>(resource);
  const categories = useCategories(tenant.slug);
  const chosenAlliance = Form.useWatch('allianceId', form);

  useEffect(() => {
    if (!open) return;
    setProblem(null);
    setCurrent(resource);
    form.resetFields();
    if (resource) form.setFieldsValue(resourceToForm(resource.value));
    else form.setFieldsValue({ allianceId: allianceId ?? null, kind: '服务', scope: 'community', unit: '人次' });
  }, [open, resource, allianceId, form]);

  const showIssues = (issues: readonly Issue[], summary?: string) => {
    const rest = applyNestedErrors(form, issues.map((i) => ({ path: renameWindow(i.path), message: i.message })), RESOURCE_FIELD_SET);
    const items = rest.filter((m) => m !== summary);
    setProblem(summary || items.length ? { title: summary ?? '请检查以下内容', items, stale: false } : null);
  };

  const submit = async () => {
    setProblem(null);
    let values: ResourceFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    let save: () => Promise<Versioned<ResourceView>>;
    if (mode === 'create') {
      const parsed = validateResourceCreate(resourceCreatePayload(values));
      if (!parsed.success) return showIssues(parsed.error.issues);
      save = () => resourceApi.create(tenant.slug, parsed.data);
    } else {
      const payload = resourceUpdatePayload(values, current!.value);
      if (Object.keys(payload).length === 0) {
        message.info('没有需要保存的修改');
        return;
      }
      const parsed = validateResourceUpdate(payload);
      if (!parsed.success) return showIssues(parsed.error.issues);
      save = () => resourceApi.update(tenant.slug, current!.value.id, current!.etag, parsed.data);
    }
    setSaving(true);
    try {
      const saved = await save();
      message.success(mode === 'create' ? `已登记资源“${saved.value.title}”` : `已保存“${saved.value.title}”的修改`);
      onSaved(saved, mode);
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        showIssues(serverIssues(err.problem.errors), err.problem.detail);
      } else if (err instanceof ApiError && err.status === 412 && onStale) {
        setProblem(problemText(err));
        const fresh = await onStale();
        if (fresh) {
          setCurrent(fresh);
          form.setFieldsValue(resourceToForm(fresh.value));
        }
      } else {
        setProblem(problemText(err));
      }
    } finally {
      setSaving(false);
    }
  };

  const r = current?.value;
  return (
    <Modal
      open={open}
      title={mode === 'create' ? '登记资源' : `编辑资源：${resource?.value.title ?? ''}`}
      width={820}
      okText="保存"
      cancelText="取消"
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <ProblemAlert problem={problem} />
      <Form form={form} layout="vertical" name="resource-form" validateTrigger={['onBlur', 'onChange']}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="党建联合体" name="allianceId" rules={[{ required: true, message: '请选择党建联合体' }]}>
              {mode === 'create' ? (
                <AllianceFilter tenant={tenant.slug} width="100%" placeholder="输入联合体名称搜索" onChange={() => form.setFieldValue('offeringOrgId', null)} />
              ) : (
                <Select disabled options={r ? [{ value: r.allianceId, label: r.allianceName }] : []} />
              )}
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="提供单位" name="offeringOrgId" rules={[{ required: true, message: '请选择提供单位' }]} extra="联合体的成员单位">
              {mode === 'create' ? (
                <MemberOrgSelect tenant={tenant.slug} allianceId={chosenAlliance} />
              ) : (
                <Select disabled options={r ? [{ value: r.offeringOrgId, label: r.offeringOrgName }] : []} />
              )}
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="资源名称" name="title" rules={[{ required: true, whitespace: true, message: '请填写资源名称' }]}>
              <Input placeholder="如：社区卫生服务站义诊" maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="资源描述" name="description">
              <Input.TextArea rows={2} maxLength={2000} placeholder="可不填" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="资源类型" name="kind" rules={[{ required: true, message: '请选择资源类型' }]}>
              <Select options={RESOURCE_KIND_OPTIONS} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="资源类别" name="categoryId" rules={[{ required: true, message: '请选择资源类别' }]}>
              <Select
                options={categoryOptions(categories.items, r?.categoryId)}
                loading={categories.loading}
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="请选择"
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              label="可提供数量"
              name="capacity"
              rules={[{ required: true, message: '请填写可提供数量' }]}
              extra={r && r.allocatedQty > 0 ? `已对接 ${r.allocatedQty}，不能少于此数` : undefined}
            >
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="单位" name="unit" rules={[{ required: true, whitespace: true, message: '请填写单位' }]}>
              <Input maxLength={10} placeholder="人次" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="可用期" name="window" extra="可只填开始或结束；不填表示长期可用">
              <DatePicker.RangePicker allowEmpty={[true, true]} format="YYYY-MM-DD" style={{ width: '100%' }} placeholder={['开始日期', '结束日期']} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
          地点与服务范围
        </Divider>
        <PlaceFields tenant={tenant.slug} form={form} />
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="服务范围" name="scope" rules={[{ required: true, message: '请选择服务范围' }]}>
              <Select options={LOCALITY_OPTIONS} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="服务半径（米）" name="radiusM" extra="填写经纬度时按半径判断，否则按服务范围">
              <InputNumber min={0} max={500000} precision={0} style={{ width: '100%' }} placeholder="可不填" />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
          联系人
        </Divider>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="联系人" name="contactName">
              <Input maxLength={20} placeholder="可不填" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="联系电话" name="contactPhone">
              <Input maxLength={20} placeholder="可不填" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
