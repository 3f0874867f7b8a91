import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { useTabParam } from '../../lib/DetailPage.tsx';
import { thisYearShanghai } from '../../lib/time.ts';
import { YearSelect } from '../../lib/YearSelect.tsx';
import { useTenant } from '../../tenant.tsx';
import { ComplianceTab } from './ComplianceTab.tsx';
import { DecisionsTab } from './DecisionsTab.tsx';
import { MeetingsTab } from './MeetingsTab.tsx';

const TABS = ['meetings', 'decisions', 'compliance'] as const;

/**
 * 联席会议: alliances' joint meetings (at least quarterly), their decisions under supervision, and compliance.
 * The tab is in the address: the 工作台's decision cards and the liaison's message open 决定事项督办 directly.
 */
export default function MeetingsPage() {
  const { tenant } = useTenant();
  const [year, setYear] = useState(thisYearShanghai);
  const [tab, setTab] = useTabParam(TABS, 'meetings', ['status']);
  return (
    <Card title="联席会议" extra={<YearSelect value={year} onChange={setYear} />}>
      <Tabs
        key={tenant.slug}
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'meetings', label: '会议记录', children: <MeetingsTab year={year} /> },
          { key: 'decisions', label: '决定事项督办', children: <DecisionsTab /> },
          { key: 'compliance', label: '召开情况', children: <ComplianceTab year={year} /> },
        ]}
      />
    </Card>
  );
}
