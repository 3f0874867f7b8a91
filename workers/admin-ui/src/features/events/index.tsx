import { WarningOutlined } from '@ant-design/icons';
import type { Feature, Where } from '../../layout/feature.ts';
import { lazyPage } from '../../lib/lazy-page.ts';

const DeadLettersPage = lazyPage(() => import('./DeadLettersPage.tsx'));

// The tenant's own administrator (ADR 0012): a county's, or the city's in the city tenant;
// the city administrator visiting a county reads it only and has no dead letters there.
const admins = (where: Where) => where.perms.canReadAudit && !where.tenant.readOnly;

/** 事件死信: domain events a consumer could not process, for the administrator to replay. */
export const events = {
  pages: [{ path: 'dead-letters', element: <DeadLettersPage />, staysOnSwitch: admins }],
  menu: {
    deadLetters: { key: 'dead-letters', icon: <WarningOutlined />, label: '事件死信', action: 'event.dead_letter.read', shownIn: admins },
  },
} satisfies Feature;
