import { App, Col, DatePicker, Divider, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import type { Versioned } from '../../api/endpoints.ts';
import { needApi, type NeedView } from '../../api/list-endpoints.ts';
import { applyNestedErrors, serverIssues } from '../../lib/formErrors.ts';
import { PlaceFields } from '../../lib/PlaceFields.tsx';
import { ProblemAlert } from '../../lib/ProblemAlert.tsx';
import { problemText, type ProblemText } from '../../lib/problems.ts';
import { useTenant } from '../../tenant.tsx';
import { categoryOptions, useCategories } from '../categories/useCategories.ts';
import { AllianceFilter } from './AllianceFilter.tsx';
import { NEED_SOURCE_OPTIONS, URGENCY_OPTIONS } from './labels.ts';
import { MemberOrgSelect } from './MemberOrgSelect.tsx';
import { NEED_FIELD_SET, needCreatePayload, needToForm, needUpdatePayload, type NeedFormValues, validateNeedCreate, validateNeedUpdate } from './needForm.ts';

interface Props {
  open: boolean;
  /** Edit this need; create when absent. */
  need?: Versioned<NeedView>;
  /** Preset for a new need (the list's alliance filter). */
  allianceId?: string;
  onClose(): void;
  onSaved(saved: Versioned<NeedView>, mode: 'create' | 'edit'): void;
  /** After a 412 the page reloads the need and hands it back here. */
  onStale?(): Promise<Versioned<NeedView> | undefined>;
}

type Issue = { path: readonly PropertyKey[]; message: string };

export function NeedFormModal({ open, need, allianceId, onClose, onSaved, onStale }: Props) {
  const { tenant } = useTenant();
  const { message } = App.useApp();
  const mode = need ? 'edit' : 'create';
  const [form] = Form.useForm<NeedFormValues>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ProblemText | null>(null);
  const [current, setCurrent] = useState<Versioned<NeedView> | undefined>(need);
  const categories = useCategories(tenant.slug);
  const chosenAlliance = Form.useWatch('allianceId', form);
  const source = Form.useWatch('source', form);

  useEffect(() => {
    if (!open) return;
    setProblem(null);
    setCurrent(need);
    form.resetFields();
    if (need) form.setFieldsValue(needToForm(need.value));
    else form.setFieldsValue({ allianceId: allianceId ?? null, source: '群众点单', urgency: 1, unit: '人次' });
  }, [open, need, allianceId, form]);

  const showIssues = (issues: readonly Issue[], summary?: string) => {
    const rest = applyNestedErrors(form, issues, NEED_FIELD_SET);
    const items = rest.filter((m) => m !== summary);
    setProblem(summary || items.length ? { title: summary ?? '请检查以下内容', items, stale: false } : null);
  };

  const submit = async () => {
    setProblem(null);
    let values: NeedFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    let save: () => Promise<Versioned<NeedView>>;
    if (mode === 'create') {
      const parsed = validateNeedCreate(needCreatePayload(values));
      if (!parsed.success) return showIssues(parsed.error.issues);
      save = () => needApi.create(tenant.slug, parsed.data);
    } else {
      const payload = needUpdatePayload(values, current!.value);
      if (Object.keys(payload).length === 0) {
        message.info('没有需要保存的修改');
        return;
      }
      const parsed = validateNeedUpdate(payload);
      if (!parsed.success) return showIssues(parsed.error.issues);
      save = () => needApi.update(tenant.slug, current!.value.id, current!.etag, parsed.data);
    }
    setSaving(true);
    try {
      const saved = await save();
      message.success(mode === 'create' ? `已登记需求“${saved.value.title}”` : `已保存“${saved.value.title}”的修改`);
      onSaved(saved, mode);
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        showIssues(serverIssues(err.problem.errors), err.problem.detail);
      } else if (err instanceof ApiError && err.status === 412 && onStale) {
        setProblem(problemText(err));
        const fresh = await onStale();
        if (fresh) {
          setCurrent(fresh);
          form.setFieldsValue(needToForm(fresh.value));
        }
      } else {
        setProblem(problemText(err));
      }
    } finally {
      setSaving(false);
    }
  };

  const n = current?.value;
  return (
    <Modal
      open={open}
      title={mode === 'create' ? '登记需求' : `编辑需求：${need?.value.title ?? ''}`}
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
      <Form form={form} layout="vertical" name="need-form" validateTrigger={['onBlur', 'onChange']}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="党建联合体" name="allianceId" rules={[{ required: true, message: '请选择党建联合体' }]}>
              {mode === 'create' ? (
                <AllianceFilter tenant={tenant.slug} width="100%" placeholder="输入联合体名称搜索" onChange={() => form.setFieldValue('raisedByOrgId', null)} />
              ) : (
                <Select disabled options={n ? [{ value: n.allianceId, label: n.allianceName }] : []} />
              )}
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="需求来源" name="source" rules={[{ required: true, message: '请选择需求来源' }]}>
              <Select options={NEED_SOURCE_OPTIONS} disabled={mode === 'edit'} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="需求名称" name="title" rules={[{ required: true, whitespace: true, message: '请填写需求名称' }]}>
              <Input placeholder="如：独居老人助餐服务" maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="需求描述" name="description">
              <Input.TextArea rows={2} maxLength={2000} placeholder="可不填" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="需求类别" name="categoryId" rules={[{ required: true, message: '请选择需求类别' }]}>
              <Select
                options={categoryOptions(categories.items, n?.categoryId)}
                loading={categories.loading}
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="请选择"
              />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item label="数量" name="quantity" rules={[{ required: true, message: '请填写数量' }]}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label="单位" name="unit" rules={[{ required: true, whitespace: true, message: '请填写单位' }]}>
              <Input maxLength={10} placeholder="人次" />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item label="紧急程度" name="urgency" rules={[{ required: true, message: '请选择紧急程度' }]}>
              <Select options={URGENCY_OPTIONS} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="截止日期" name="deadline" rules={[{ required: true, message: '请选择截止日期' }]}>
              <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" placeholder="选择日期" />
            </Form.Item>
          </Col>
          {n && n.committedQty + n.inDeliveryQty + n.fulfilledQty > 0 && (
            <Col span={16}>
              <Form.Item label=" " colon={false}>
                <span style={{ color: '#888' }}>
                  已对接 {n.committedQty + n.inDeliveryQty + n.fulfilledQty} {n.unit}，数量不能少于此数
                </span>
              </Form.Item>
            </Col>
          )}
        </Row>
        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
          地点
        </Divider>
        <PlaceFields tenant={tenant.slug} form={form} />
        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
          提出人
        </Divider>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              label="提出单位"
              name="raisedByOrgId"
              rules={[{ required: source === '成员单位', message: '成员单位提出的需求须选择提出单位' }]}
              extra="联合体的成员单位"
            >
              <MemberOrgSelect
                tenant={tenant.slug}
                allianceId={chosenAlliance ?? n?.allianceId}
                known={n?.raisedByOrgId ? { id: n.raisedByOrgId, name: n.raisedByOrgName ?? n.raisedByOrgId } : null}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="提出人" name="raiserName">
              <Input maxLength={20} placeholder="可不填" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="联系电话" name="raiserPhone">
              <Input maxLength={20} placeholder="可不填" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
