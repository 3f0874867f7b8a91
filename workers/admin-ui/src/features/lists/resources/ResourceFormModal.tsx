import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Versioned } from '../../../api/endpoints.ts';
import { resourceApi, type ResourceView } from '../../../api/list-endpoints.ts';
import { FormModal } from '../../../lib/FormModal.tsx';
import { PlaceFields } from '../../../lib/PlaceFields.tsx';
import { planSave, useItemForm } from '../../../lib/useItemForm.ts';
import { useTenant } from '../../../tenant.tsx';
import { FixedSelect, FormSection, ItemAllianceField, ItemCategoryField, ItemNameFields, UnitField } from '../needs/ItemFields.tsx';
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

export function ResourceFormModal({ open, resource, allianceId, onClose, onSaved, onStale }: Props) {
  const { tenant } = useTenant();
  const [form] = Form.useForm<ResourceFormValues>();
  const { mode, current: r, save, submit } = useItemForm({
    open,
    item: resource,
    form,
    fields: RESOURCE_FIELD_SET,
    renamePath: renameWindow,
    toForm: resourceToForm,
    blank: () => ({ allianceId: allianceId ?? null, kind: '服务', scope: 'community', unit: '人次' }),
    savedText: (saved, mode) => (mode === 'create' ? `已登记资源“${saved.title}”` : `已保存“${saved.title}”的修改`),
    onStale,
  });
  const chosenAlliance = Form.useWatch('allianceId', form);

  const onOk = () =>
    submit(
      (values, cur) =>
        cur
          ? planSave(resourceUpdatePayload(values, cur.value), validateResourceUpdate, (body) => resourceApi.update(tenant.slug, cur.value.id, cur.etag, body))
          : planSave(resourceCreatePayload(values), validateResourceCreate, (body) => resourceApi.create(tenant.slug, body)),
      (saved) => onSaved(saved, mode),
    );

  const existing = mode === 'edit' && r ? r : null;
  return (
    <FormModal open={open} title={mode === 'create' ? '登记资源' : `编辑资源：${resource?.value.title ?? ''}`} width={820} state={save} onOk={onOk} onCancel={onClose}>
      <Form form={form} layout="vertical" name="resource-form" validateTrigger={['onBlur', 'onChange']}>
        <Row gutter={16}>
          <Col span={12}>
            <ItemAllianceField tenant={tenant.slug} form={form} dependent="offeringOrgId" fixed={existing && { id: existing.allianceId, name: existing.allianceName }} />
          </Col>
          <Col span={12}>
            <Form.Item label="提供单位" name="offeringOrgId" rules={[{ required: true, message: '请选择提供单位' }]} extra="联合体的成员单位">
              {existing ? (
                <FixedSelect option={{ id: existing.offeringOrgId, name: existing.offeringOrgName }} />
              ) : (
                <MemberOrgSelect tenant={tenant.slug} allianceId={chosenAlliance} />
              )}
            </Form.Item>
          </Col>
          <ItemNameFields noun="资源" example="社区卫生服务站义诊" />
          <Col span={6}>
            <Form.Item label="资源类型" name="kind" rules={[{ required: true, message: '请选择资源类型' }]}>
              <Select options={RESOURCE_KIND_OPTIONS} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <ItemCategoryField tenant={tenant.slug} noun="资源" currentId={r?.categoryId} />
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
            <UnitField />
          </Col>
          <Col span={12}>
            <Form.Item label="可用期" name="window" extra="可只填开始或结束；不填表示长期可用">
              <DatePicker.RangePicker allowEmpty={[true, true]} format="YYYY-MM-DD" style={{ width: '100%' }} placeholder={['开始日期', '结束日期']} />
            </Form.Item>
          </Col>
        </Row>
        <FormSection>地点与服务范围</FormSection>
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
        <FormSection>联系人</FormSection>
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
    </FormModal>
  );
}
