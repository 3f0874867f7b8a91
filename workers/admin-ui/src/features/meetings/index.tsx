import { TeamOutlined } from '@ant-design/icons';
import { inCounty, type Feature } from '../../layout/feature.ts';
import { lazyPage } from '../../lib/lazy-page.ts';

const MeetingsPage = lazyPage(() => import('./MeetingsPage.tsx'));

/**
 * 联席会议: joint meetings of the alliances and the supervision of their decisions. Alliances live in
 * the counties, so the city's own tenant has none to meet (its menu offered an empty page and a form
 * whose alliance could not be chosen); the city reads a county's by switching into it.
 */
export const meetings = {
  pages: [{ path: 'meetings', element: <MeetingsPage />, staysOnSwitch: inCounty }],
  menu: {
    meetings: { key: 'meetings', icon: <TeamOutlined />, label: '联席会议', action: 'meeting.read', shownIn: inCounty },
  },
} satisfies Feature;
