import { AccountBookOutlined } from '@ant-design/icons';
import type { Feature } from '../../layout/feature.ts';
import { lazyPage } from '../../lib/lazy-page.ts';
import { preloadFunds } from './first-reads.ts';

const FundsHomePage = lazyPage(() => import('./FundsHomePage.tsx'), preloadFunds, { light: true });
const FundLedgerPage = lazyPage(() => import('./FundLedgerPage.tsx'));

/**
 * 经费保障 (issue 12): the county summary across alliances, and each
 * alliance's ledger (收入 by source, 支出 on projects, 各方筹 by 出资比例,
 * 冲正), balance by source and the reconciliation against project budgets.
 */
export const funds = {
  pages: [
    { path: 'funds', element: <FundsHomePage /> },
    { path: 'funds/:allianceId', element: <FundLedgerPage /> },
  ],
  menu: {
    funds: { key: 'funds', icon: <AccountBookOutlined />, label: '经费保障', action: 'fund.read' },
  },
} satisfies Feature;
