import { Form, Input, Select } from 'antd';
import { UrlFilterForm } from '../../../lib/UrlFilterForm.tsx';
import type { UrlFilters } from '../../../lib/useUrlFilters.ts';
import { OrgPicker } from '../../../shared/OrgPicker.tsx';
import type { ALLIANCE_FILTER_KEYS } from './first-reads.ts';
import { MODEL_OPTIONS, STATUS_OPTIONS, TYPE_OPTIONS } from './labels.ts';

type Filters = UrlFilters<(typeof ALLIANCE_FILTER_KEYS)[number]>;

/** 党建联合体's filter bar: an island of antd (lib/ant-island.tsx), the page itself draws without it. */
export function AllianceFilters({ tenant, filters, onApply, onReset }: { tenant: string; filters: Filters; onApply: (values: Filters) => void; onReset: () => void }) {
  return (
    <UrlFilterForm name="alliance-filters" filters={filters} onApply={onApply} onReset={onReset}>
      <Form.Item name="q" label="关键词">
        <Input placeholder="联合体名称" allowClear style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="type" label="类型">
        <Select options={TYPE_OPTIONS} allowClear placeholder="全部" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="model" label="融合模式">
        <Select options={MODEL_OPTIONS} allowClear placeholder="全部" style={{ width: 170 }} />
      </Form.Item>
      <Form.Item name="status" label="状态">
        <Select options={STATUS_OPTIONS} allowClear placeholder="全部" style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="committeeId" label="上级党(工)委">
        <OrgPicker tenant={tenant} placeholder="搜索党(工)委" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="streetId" label="街道/苏木乡镇">
        <OrgPicker tenant={tenant} domains={['街道', '苏木乡镇']} placeholder="搜索街道或苏木乡镇" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="orgId" label="成员单位">
        <OrgPicker tenant={tenant} placeholder="搜索成员党组织" style={{ width: 200 }} />
      </Form.Item>
    </UrlFilterForm>
  );
}
