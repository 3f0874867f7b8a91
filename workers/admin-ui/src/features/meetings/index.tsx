import { TeamOutlined } from '@ant-design/icons';
import type { Feature } from '../../layout/feature.ts';
import { lazyPage } from '../../lib/lazy-page.ts';

const MeetingsPage = lazyPage(() => import('./MeetingsPage.tsx'));

/** 联席会议: joint meetings of the alliances and the supervision of their decisions. */
export const meetings = {
  pages: [{ path: 'meetings', element: <MeetingsPage /> }],
  menu: {
    meetings: { key: 'meetings', icon: <TeamOutlined />, label: '联席会议', action: 'meeting.read' },
  },
} satisfies Feature;
