import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { thisYearShanghai } from '../../lib/time.ts';
import { YearSelect } from '../../lib/YearSelect.tsx';
import { useTenant } from '../../tenant.tsx';
import { ComplianceTab } from './ComplianceTab.tsx';
import { DecisionsTab } from './DecisionsTab.tsx';
import { MeetingsTab } from './MeetingsTab.tsx';

/** 联席会议: alliances' joint meetings (at least quarterly), their decisions under supervision, and compliance. */
export default function MeetingsPage() {
  const { tenant } = useTenant();
  const [year, setYear] = useState(thisYearShanghai);
  return (
    <Card title="联席会议" extra={<YearSelect value={year} onChange={setYear} />}>
      <Tabs
        key={tenant.slug}
        items={[
          { key: 'meetings', label: '会议记录', children: <MeetingsTab year={year} /> },
          { key: 'decisions', label: '决定事项督办', children: <DecisionsTab /> },
          { key: 'compliance', label: '召开情况', children: <ComplianceTab year={year} /> },
        ]}
      />
    </Card>
  );
}
