import { AuditOutlined } from '@ant-design/icons';
import type { Feature, Where } from '../../layout/feature.ts';
import { lazyPage } from '../../lib/lazy-page.ts';
import { preloadAudit } from './first-reads.ts';

const AuditPage = lazyPage(() => import('./AuditPage.tsx'), preloadAudit, { light: true });

const readsAudit = (where: Where) => where.perms.canReadAudit;

/** 审计日志: who changed what, for the tenant's administrators. */
export const audit = {
  pages: [{ path: 'audit', element: <AuditPage />, staysOnSwitch: readsAudit }],
  menu: {
    audit: { key: 'audit', icon: <AuditOutlined />, label: '审计日志', action: 'audit.read', shownIn: readsAudit },
  },
} satisfies Feature;
