import { Form, Switch } from 'antd';
import type { UrlFilters } from '../../../lib/useUrlFilters.ts';
import { useTenant } from '../../../tenant.tsx';
import type { SUPERVISION_FILTER_KEYS } from '../first-reads.ts';
import { AllianceFilter } from '../needs/AllianceFilter.tsx';

type Filters = UrlFilters<(typeof SUPERVISION_FILTER_KEYS)[number]>;

/**
 * 督办预警's filters: an island of antd (lib/ant-island.tsx), the page itself draws without it. Each
 * change applies at once, so the fields read the address directly; there is no form state to sync.
 */
export function SupervisionFilters({ filters, onApply }: { filters: Filters; onApply: (values: Filters) => void }) {
  const { tenant } = useTenant();
  const mine = filters.mine === 'true';
  return (
    <Form layout="inline" name="supervision-filters" style={{ rowGap: 8 }}>
      <Form.Item label="党建联合体">
        <AllianceFilter tenant={tenant.slug} width={260} value={filters.allianceId ?? null} onChange={(v) => onApply({ ...filters, allianceId: v })} />
      </Form.Item>
      <Form.Item label="只看我负责的">
        <Switch
          checked={mine}
          onChange={(on) => onApply({ ...filters, mine: on ? 'true' : undefined })}
          data-testid="supervision-mine"
          aria-label="只看我负责的"
        />
      </Form.Item>
    </Form>
  );
}
