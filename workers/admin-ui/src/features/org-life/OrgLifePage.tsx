import { Card, Select, Tabs } from 'antd';
import { useState } from 'react';
import { useTenant } from '../../tenant.tsx';
import { ComplianceTab } from './ComplianceTab.tsx';
import { RecordsTab } from './RecordsTab.tsx';
import { StandardsTab } from './StandardsTab.tsx';

/** 组织生活: branches' 三会一课, 主题党日, 组织生活会 and 民主评议党员 (seed 004 二(三)). */
export default function OrgLifePage() {
  const { tenant } = useTenant();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  return (
    <Card title="组织生活" extra={<Select value={year} onChange={setYear} style={{ width: 110 }} options={[0, 1, 2, 3].map((n) => ({ value: thisYear - n, label: `${thisYear - n} 年` }))} />}>
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
