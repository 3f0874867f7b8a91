import { Form, Input, Select } from 'antd';
import { UrlFilterForm } from '../../lib/UrlFilterForm.tsx';
import type { UrlFilters } from '../../lib/useUrlFilters.ts';
import { OrgPicker } from '../../shared/OrgPicker.tsx';
import type { PEOPLE_FILTER_KEYS } from './first-reads.ts';
import { PARTY_STANDING_OPTIONS, PERSON_KIND_OPTIONS, PERSON_STATUS_OPTIONS, YES_NO_OPTIONS } from './labels.ts';

type Filters = UrlFilters<(typeof PEOPLE_FILTER_KEYS)[number]>;

/** 人员's filter bar: an island of antd (lib/ant-island.tsx), the page itself draws without it. */
export function PeopleFilters({ tenant, filters, onApply, onReset }: { tenant: string; filters: Filters; onApply: (values: Filters) => void; onReset: () => void }) {
  return (
    <UrlFilterForm name="people-filters" filters={filters} onApply={onApply} onReset={onReset}>
      <Form.Item name="q" label="姓名">
        <Input placeholder="按姓名搜索" allowClear style={{ width: 140 }} maxLength={50} />
      </Form.Item>
      <Form.Item name="kind" label="人员类别">
        <Select options={PERSON_KIND_OPTIONS} allowClear placeholder="全部" style={{ width: 100 }} />
      </Form.Item>
      <Form.Item name="partyStanding" label="党员类别">
        <Select options={PARTY_STANDING_OPTIONS} allowClear placeholder="全部" style={{ width: 110 }} />
      </Form.Item>
      <Form.Item name="homeOrgId" label="所属党组织">
        <OrgPicker tenant={tenant} placeholder="搜索党组织" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="subtree" label="含下级">
        <Select options={YES_NO_OPTIONS} allowClear placeholder="否" style={{ width: 80 }} />
      </Form.Item>
      <Form.Item name="inService" label="在职党员">
        <Select options={YES_NO_OPTIONS} allowClear placeholder="全部" style={{ width: 80 }} />
      </Form.Item>
      <Form.Item name="skill" label="特长">
        <Input placeholder="如 医疗" allowClear style={{ width: 110 }} maxLength={20} />
      </Form.Item>
      <Form.Item name="status" label="状态">
        <Select options={PERSON_STATUS_OPTIONS} allowClear placeholder="在册" style={{ width: 90 }} />
      </Form.Item>
    </UrlFilterForm>
  );
}
