import { Form, Input, Select } from 'antd';
import { UrlFilterForm } from '../../../lib/UrlFilterForm.tsx';
import { OrgPicker } from '../../../shared/OrgPicker.tsx';
import { useTenant } from '../../../tenant.tsx';
import type { ProjectFilters as Filters } from '../first-reads.ts';
import { AllianceFilter } from '../needs/AllianceFilter.tsx';
import { STATUS_OPTIONS, WARNING_OPTIONS } from './labels.tsx';

/** 项目清单's filter bar: an island of antd (lib/ant-island.tsx), the page itself draws without it. */
export function ProjectFilters({ filters, onApply, onReset }: { filters: Filters; onApply: (values: Filters) => void; onReset: () => void }) {
  const { tenant } = useTenant();
  return (
    <UrlFilterForm name="project-filters" filters={filters} onApply={onApply} onReset={onReset}>
      <Form.Item name="q" label="关键词">
        <Input placeholder="项目名称" allowClear style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="allianceId" label="党建联合体">
        <AllianceFilter tenant={tenant.slug} width={240} />
      </Form.Item>
      <Form.Item name="status" label="状态">
        <Select options={STATUS_OPTIONS} allowClear placeholder="全部（不含已取消）" style={{ width: 170 }} />
      </Form.Item>
      <Form.Item name="warning" label="预警">
        <Select options={WARNING_OPTIONS} allowClear placeholder="全部" style={{ width: 100 }} />
      </Form.Item>
      <Form.Item name="overdue" label="逾期">
        <Select
          options={[
            { value: 'true', label: '已逾期' },
            { value: 'false', label: '未逾期' },
          ]}
          allowClear
          placeholder="全部"
          style={{ width: 100 }}
        />
      </Form.Item>
      <Form.Item name="claimOrgId" label="认领单位">
        <OrgPicker tenant={tenant.slug} placeholder="搜索党组织" style={{ width: 200 }} />
      </Form.Item>
    </UrlFilterForm>
  );
}
