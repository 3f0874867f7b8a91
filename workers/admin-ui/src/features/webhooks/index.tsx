import { SendOutlined } from '@ant-design/icons';
import type { Feature, Where } from '../../layout/feature.ts';
import { lazyPage } from '../../lib/lazy-page.ts';
import { mayManageApiKeys } from '../../shared/access.ts';

const WebhooksPage = lazyPage(() => import('./WebhooksPage.tsx'));

// The county administrator's, like the public API keys (ADR 0028).
const admins = (where: Where) => mayManageApiKeys(where.tenant);

/** 回调: the county's webhook endpoints and their delivery log. */
export const webhooks = {
  pages: [{ path: 'webhooks', element: <WebhooksPage />, staysOnSwitch: admins }],
  menu: {
    webhooks: { key: 'webhooks', icon: <SendOutlined />, label: '回调', action: 'webhook.read', shownIn: admins },
  },
} satisfies Feature;
