import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { useTabParam } from '../../lib/DetailPage.tsx';
import { thisYearShanghai } from '../../lib/time.ts';
import { YearSelect } from '../../lib/YearSelect.tsx';
import { useTenant } from '../../tenant.tsx';
import { ComplianceTab } from './ComplianceTab.tsx';
import { RecordsTab } from './RecordsTab.tsx';
import { StandardsTab } from './StandardsTab.tsx';

const TABS = ['records', 'compliance', 'standards'] as const;

/**
 * 组织生活: branches' 三会一课, 主题党日, 组织生活会 and 民主评议党员 (seed 004 二(三)). The tab is in the
 * address: the 工作台's card of branches behind opens 达标情况.
 */
export default function OrgLifePage() {
  const { tenant } = useTenant();
  const [year, setYear] = useState(thisYearShanghai);
  const [tab, setTab] = useTabParam(TABS, 'records');
  return (
    <Card title="组织生活" extra={<YearSelect value={year} onChange={setYear} />}>
      <Tabs
        key={tenant.slug}
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'records', label: '组织生活记录', children: <RecordsTab year={year} /> },
          { key: 'compliance', label: '达标情况', children: <ComplianceTab year={year} /> },
          { key: 'standards', label: '标准频次', children: <StandardsTab year={year} /> },
        ]}
      />
    </Card>
  );
}
