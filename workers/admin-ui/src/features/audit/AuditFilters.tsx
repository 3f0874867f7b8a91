import { DatePicker, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { UrlFilterForm } from '../../lib/UrlFilterForm.tsx';
import type { UrlFilters } from '../../lib/useUrlFilters.ts';
import type { AUDIT_FILTER_KEYS } from './first-reads.ts';
import { ACTION_LABELS, ENTITY_LABELS } from './labels.ts';

type Filters = UrlFilters<(typeof AUDIT_FILTER_KEYS)[number]>;
/** What the bar sets; the scoping to one object or one person is the page's (its links and tags). */
export type AuditFilterValues = Pick<Filters, 'action' | 'entityType' | 'from' | 'to'>;
interface FormShape {
  action?: string;
  entityType?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const ACTION_OPTIONS = Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label }));
// 'org' is an older alias of 'organization' with the same name; offer each name once.
const ENTITY_OPTIONS = Object.entries(ENTITY_LABELS)
  .filter(([value]) => value !== 'org')
  .map(([value, label]) => ({ value, label }));

/** 审计日志's filter bar: an island of antd (lib/ant-island.tsx), the page itself draws without it. */
export function AuditFilters({ filters, onApply, onReset }: { filters: Filters; onApply: (values: AuditFilterValues) => void; onReset: () => void }) {
  return (
    <UrlFilterForm<Filters, FormShape>
      name="audit-filters"
      filters={filters}
      onApply={onApply}
      onReset={onReset}
      toForm={(f) => ({
        action: f.action,
        entityType: f.entityType,
        range: f.from || f.to ? [f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null] : null,
      })}
      fromForm={(v) => ({ action: v.action, entityType: v.entityType, from: v.range?.[0]?.format('YYYY-MM-DD'), to: v.range?.[1]?.format('YYYY-MM-DD') })}
    >
      <Form.Item name="action" label="操作">
        <Select options={ACTION_OPTIONS} placeholder="全部操作" allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="entityType" label="对象类型">
        <Select options={ENTITY_OPTIONS} placeholder="全部类型" allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 150 }} />
      </Form.Item>
      <Form.Item name="range" label="日期">
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
    </UrlFilterForm>
  );
}
