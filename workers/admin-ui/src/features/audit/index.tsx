import { AuditOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { Feature, Where } from '../../layout/feature.ts';

const AuditPage = lazy(() => import('./AuditPage.tsx'));

const readsAudit = (where: Where) => where.perms.canReadAudit;

/** 审计日志: who changed what, for the tenant's administrators. */
export const audit = {
  pages: [{ path: 'audit', element: <AuditPage />, staysOnSwitch: readsAudit }],
  menu: {
    audit: { key: 'audit', icon: <AuditOutlined />, label: '审计日志', action: 'audit.read', shownIn: readsAudit },
  },
} satisfies Feature;
