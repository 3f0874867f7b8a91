import { Form, Input, Select } from 'antd';
import type { CategoryView } from '../../../api/list-endpoints.ts';
import { UrlFilterForm } from '../../../lib/UrlFilterForm.tsx';
import type { UrlFilters } from '../../../lib/useUrlFilters.ts';
import { OrgPicker } from '../../../shared/OrgPicker.tsx';
import { categoryOptions } from '../categories/useCategories.ts';
import { AllianceFilter } from '../needs/AllianceFilter.tsx';
import { RESOURCE_KIND_OPTIONS, RESOURCE_STATUS_OPTIONS } from '../needs/labels.ts';

// The page's filter keys (ResourcesPage's FILTER_KEYS; the page imports nothing from here, which holds antd).
type Filters = UrlFilters<'q' | 'allianceId' | 'status' | 'categoryId' | 'kind' | 'offeringOrgId'>;

interface Props {
  tenant: string;
  /** The county's categories: the page reads them on opening, with the list. */
  categories: readonly CategoryView[];
  filters: Filters;
  onApply: (values: Filters) => void;
  onReset: () => void;
}

/** 资源清单's filter bar: an island of antd (lib/ant-island.tsx), the page itself draws without it. */
export function ResourceFilters({ tenant, categories, filters, onApply, onReset }: Props) {
  return (
    <UrlFilterForm name="resource-filters" filters={filters} onApply={onApply} onReset={onReset}>
      <Form.Item name="q" label="关键词">
        <Input placeholder="资源名称" allowClear style={{ width: 170 }} />
      </Form.Item>
      <Form.Item name="allianceId" label="党建联合体">
        <AllianceFilter tenant={tenant} />
      </Form.Item>
      <Form.Item name="status" label="状态">
        <Select options={RESOURCE_STATUS_OPTIONS} allowClear placeholder="全部" style={{ width: 100 }} />
      </Form.Item>
      <Form.Item name="kind" label="类型">
        <Select options={RESOURCE_KIND_OPTIONS} allowClear placeholder="全部" style={{ width: 90 }} />
      </Form.Item>
      <Form.Item name="categoryId" label="类别">
        <Select options={categoryOptions(categories, filters.categoryId)} allowClear placeholder="全部" style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="offeringOrgId" label="提供单位">
        <OrgPicker tenant={tenant} placeholder="搜索党组织" style={{ width: 200 }} />
      </Form.Item>
    </UrlFilterForm>
  );
}
