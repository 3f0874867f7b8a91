import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Versioned } from '../../../api/endpoints.ts';
import { needApi, type NeedView } from '../../../api/list-endpoints.ts';
import { FormModal } from '../../../lib/FormModal.tsx';
import { PlaceFields } from '../../../lib/PlaceFields.tsx';
import { planSave, useItemForm } from '../../../lib/useItemForm.ts';
import { useTenant } from '../../../tenant.tsx';
import { FormSection, ItemAllianceField, ItemCategoryField, ItemNameFields, UnitField } from './ItemFields.tsx';
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

export function NeedFormModal({ open, need, allianceId, onClose, onSaved, onStale }: Props) {
  const { tenant } = useTenant();
  const [form] = Form.useForm<NeedFormValues>();
  const { mode, current: n, save, submit } = useItemForm({
    open,
    item: need,
    form,
    fields: NEED_FIELD_SET,
    toForm: needToForm,
    blank: () => ({ allianceId: allianceId ?? null, source: '群众点单', urgency: 1, unit: '人次' }),
    savedText: (saved, mode) => (mode === 'create' ? `已登记需求“${saved.title}”` : `已保存“${saved.title}”的修改`),
    onStale,
  });
  const chosenAlliance = Form.useWatch('allianceId', form);
  const source = Form.useWatch('source', form);

  const onOk = () =>
    submit(
      (values, cur) =>
        cur
          ? planSave(needUpdatePayload(values, cur.value), validateNeedUpdate, (body) => needApi.update(tenant.slug, cur.value.id, cur.etag, body))
          : planSave(needCreatePayload(values), validateNeedCreate, (body) => needApi.create(tenant.slug, body)),
      (saved) => onSaved(saved, mode),
    );

  const done = n ? n.committedQty + n.inDeliveryQty + n.fulfilledQty : 0;
  return (
    <FormModal
      open={open}
      title={mode === 'create' ? '登记需求' : `编辑需求：${need?.value.title ?? ''}`}
      width={820}
      state={save}
      onOk={onOk}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" name="need-form" validateTrigger={['onBlur', 'onChange']}>
        <Row gutter={16}>
          <Col span={12}>
            <ItemAllianceField tenant={tenant.slug} form={form} dependent="raisedByOrgId" fixed={mode === 'edit' && n ? { id: n.allianceId, name: n.allianceName } : null} />
          </Col>
          <Col span={12}>
            <Form.Item label="需求来源" name="source" rules={[{ required: true, message: '请选择需求来源' }]}>
              <Select options={NEED_SOURCE_OPTIONS} disabled={mode === 'edit'} />
            </Form.Item>
          </Col>
          <ItemNameFields noun="需求" example="独居老人助餐服务" />
          <Col span={8}>
            <ItemCategoryField tenant={tenant.slug} noun="需求" currentId={n?.categoryId} />
          </Col>
          <Col span={5}>
            <Form.Item label="数量" name="quantity" rules={[{ required: true, message: '请填写数量' }]}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <UnitField />
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
          {n && done > 0 && (
            <Col span={16}>
              <Form.Item label=" " colon={false}>
                <span style={{ color: '#888' }}>
                  已对接 {done} {n.unit}，数量不能少于此数
                </span>
              </Form.Item>
            </Col>
          )}
        </Row>
        <FormSection>地点</FormSection>
        <PlaceFields tenant={tenant.slug} form={form} />
        <FormSection>提出人</FormSection>
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
    </FormModal>
  );
}
