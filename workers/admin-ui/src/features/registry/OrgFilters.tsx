import { Form, Input, Select } from 'antd';
import { UrlFilterForm } from '../../lib/UrlFilterForm.tsx';
import type { UrlFilters } from '../../lib/useUrlFilters.ts';
import { DOMAIN_OPTIONS, KIND_OPTIONS, QUALITY_OPTIONS, STATUS_LABELS } from '../../shared/orgLabels.ts';
import type { ORG_FILTER_KEYS } from './first-reads.ts';

type Filters = UrlFilters<(typeof ORG_FILTER_KEYS)[number]>;

/** 党组织管理's filter bar: an island of antd (lib/ant-island.tsx), the page itself draws without it. */
export function OrgFilters({ filters, onApply, onReset }: { filters: Filters; onApply: (values: Filters) => void; onReset: () => void }) {
  return (
    <UrlFilterForm name="org-filters" filters={filters} onApply={onApply} onReset={onReset}>
      <Form.Item name="q" label="关键词">
        <Input placeholder="组织名称/书记" allowClear style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="kind" label="组织类别">
        <Select options={KIND_OPTIONS} allowClear placeholder="全部" style={{ width: 130 }} />
      </Form.Item>
      <Form.Item name="domain" label="所属领域">
        <Select options={DOMAIN_OPTIONS} allowClear placeholder="全部" style={{ width: 140 }} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item name="qualityStatus" label="达标状态">
        <Select options={QUALITY_OPTIONS} allowClear placeholder="全部" style={{ width: 170 }} />
      </Form.Item>
      <Form.Item name="weakFlag" label="软弱涣散">
        <Select
          options={[
            { value: 'true', label: '是' },
            { value: 'false', label: '否' },
          ]}
          allowClear
          placeholder="全部"
          style={{ width: 90 }}
        />
      </Form.Item>
      <Form.Item name="status" label="状态">
        <Select
          options={[
            { value: 'active', label: STATUS_LABELS.active },
            { value: 'inactive', label: STATUS_LABELS.inactive },
            { value: 'all', label: '全部' },
          ]}
          allowClear
          placeholder={STATUS_LABELS.active}
          style={{ width: 100 }}
        />
      </Form.Item>
    </UrlFilterForm>
  );
}
