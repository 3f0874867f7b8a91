import { Form, Input, Select } from 'antd';
import type { CategoryView } from '../../../api/list-endpoints.ts';
import { UrlFilterForm } from '../../../lib/UrlFilterForm.tsx';
import type { UrlFilters } from '../../../lib/useUrlFilters.ts';
import { categoryOptions } from '../categories/useCategories.ts';
import type { NEED_FILTER_KEYS } from '../first-reads.ts';
import { AllianceFilter } from './AllianceFilter.tsx';
import { NEED_SOURCE_OPTIONS, NEED_STATUS_OPTIONS, URGENCY_OPTIONS } from './labels.ts';

type Filters = UrlFilters<(typeof NEED_FILTER_KEYS)[number]>;

const OVERDUE_OPTIONS = [
  { value: 'true', label: '已逾期' },
  { value: 'false', label: '未逾期' },
];

interface Props {
  tenant: string;
  /** The county's categories: the page reads them on opening, with the list. */
  categories: readonly CategoryView[];
  filters: Filters;
  onApply: (values: Filters) => void;
  onReset: () => void;
}

/** 需求清单's filter bar: an island of antd (lib/ant-island.tsx), the page itself draws without it. */
export function NeedFilters({ tenant, categories, filters, onApply, onReset }: Props) {
  return (
    <UrlFilterForm
      name="need-filters"
      filters={filters}
      onApply={onApply}
      onReset={onReset}
      // The urgency select holds numbers; the URL holds text.
      toForm={(f) => ({ ...f, urgency: f.urgency ? (Number(f.urgency) as unknown as string) : undefined })}
      fromForm={(v) => ({ ...v, urgency: v.urgency === undefined || v.urgency === null ? undefined : String(v.urgency) })}
    >
      <Form.Item name="q" label="关键词">
        <Input placeholder="需求名称、提出人" allowClear style={{ width: 170 }} />
      </Form.Item>
      <Form.Item name="allianceId" label="党建联合体">
        <AllianceFilter tenant={tenant} />
      </Form.Item>
      <Form.Item name="status" label="状态">
        <Select options={NEED_STATUS_OPTIONS} allowClear placeholder="全部" style={{ width: 110 }} />
      </Form.Item>
      <Form.Item name="categoryId" label="类别">
        <Select options={categoryOptions(categories, filters.categoryId)} allowClear placeholder="全部" style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="source" label="来源">
        <Select options={NEED_SOURCE_OPTIONS} allowClear placeholder="全部" style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="urgency" label="紧急程度">
        <Select options={URGENCY_OPTIONS} allowClear placeholder="全部" style={{ width: 90 }} />
      </Form.Item>
      <Form.Item name="overdue" label="逾期">
        <Select options={OVERDUE_OPTIONS} allowClear placeholder="全部" style={{ width: 100 }} />
      </Form.Item>
    </UrlFilterForm>
  );
}
