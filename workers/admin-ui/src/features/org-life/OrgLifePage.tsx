import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { thisYearShanghai } from '../../lib/time.ts';
import { YearSelect } from '../../lib/YearSelect.tsx';
import { useTenant } from '../../tenant.tsx';
import { ComplianceTab } from './ComplianceTab.tsx';
import { RecordsTab } from './RecordsTab.tsx';
import { StandardsTab } from './StandardsTab.tsx';

/** 组织生活: branches' 三会一课, 主题党日, 组织生活会 and 民主评议党员 (seed 004 二(三)). */
export default function OrgLifePage() {
  const { tenant } = useTenant();
  const [year, setYear] = useState(thisYearShanghai);
  return (
    <Card title="组织生活" extra={<YearSelect value={year} onChange={setYear} />}>
      <Tabs
        key={tenant.slug}
        items={[
          { key: 'records', label: '组织生活记录', children: <RecordsTab year={year} /> },
          { key: 'compliance', label: '达标情况', children: <ComplianceTab year={year} /> },
          { key: 'standards', label: '标准频次', children: <StandardsTab year={year} /> },
        ]}
      />
    </Card>
  );
}
