import { Col, Divider, Form, Input, Select, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { categoryOptions, useCategories } from '../categories/useCategories.ts';
import { AllianceFilter } from './AllianceFilter.tsx';

// The fields a need and a resource share on their forms: the same names, rules and pickers.

/** A value an item keeps once it exists (its alliance, its offering organization): shown, not changed. Form.Item passes id and value. */
export function FixedSelect({ option, id, value }: { option: { id: string; name: string }; id?: string; value?: string | null }) {
  return <Select id={id} value={value ?? undefined} disabled options={[{ value: option.id, label: option.name }]} />;
}

/**
 * 党建联合体 of a need or resource: picked when it is registered, fixed after.
 * Picking another clears `dependent`, the member organization chosen from the old one.
 * `fixed` is the alliance of an existing item; null while a new one is registered.
 */
export function ItemAllianceField({ tenant, form, dependent, fixed }: { tenant: string; form: FormInstance; dependent: string; fixed: { id: string; name: string } | null }) {
  return (
    <Form.Item label="党建联合体" name="allianceId" rules={[{ required: true, message: '请选择党建联合体' }]}>
      {fixed ? (
        <FixedSelect option={fixed} />
      ) : (
        <AllianceFilter tenant={tenant} width="100%" placeholder="输入联合体名称搜索" onChange={() => form.setFieldValue(dependent, null)} />
      )}
    </Form.Item>
  );
}

/** 需求名称 and 需求描述 (资源…), each on a row of its own. */
export function ItemNameFields({ noun, example }: { noun: string; example: string }) {
  return (
    <>
      <Col span={24}>
        <Form.Item label={`${noun}名称`} name="title" rules={[{ required: true, whitespace: true, message: `请填写${noun}名称` }]}>
          <Input placeholder={`如：${example}`} maxLength={100} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item label={`${noun}描述`} name="description">
          <Input.TextArea rows={2} maxLength={2000} placeholder="可不填" />
        </Form.Item>
      </Col>
    </>
  );
}

/** 需求类别 (资源类别): the tenant's categories, plus the item's own if it has since been retired. */
export function ItemCategoryField({ tenant, noun, currentId }: { tenant: string; noun: string; currentId?: string }) {
  const categories = useCategories(tenant);
  return (
    <Form.Item label={`${noun}类别`} name="categoryId" rules={[{ required: true, message: `请选择${noun}类别` }]}>
      <Select options={categoryOptions(categories.items, currentId)} loading={categories.loading} showSearch={{ optionFilterProp: 'label' }} placeholder="请选择" />
    </Form.Item>
  );
}

export function UnitField() {
  return (
    <Form.Item label="单位" name="unit" rules={[{ required: true, whitespace: true, message: '请填写单位' }]}>
      <Input maxLength={10} placeholder="人次" />
    </Form.Item>
  );
}

/** A titled part of an item's form (地点, 联系人). */
export function FormSection({ children }: { children: ReactNode }) {
  return (
    <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
      {children}
    </Divider>
  );
}
