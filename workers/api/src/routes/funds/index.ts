import type { Router } from '@ronghe/http';
import { fundBalanceRouter } from './balance.ts';
import { contributionCallRouter } from './contribution-call.ts';
import { recordFundEntryRouter } from './entry-record.ts';
import { reverseFundEntryRouter } from './entry-reverse.ts';
import { exportFundLedgerRouter } from './ledger-export.ts';
import { fundLedgerRouter } from './ledger.ts';
import { exportFundSummaryRouter } from './summary-export.ts';
import { fundSummaryRouter } from './summary.ts';

/** The funds capability's routers, in mounting order (static paths before `{id}` ones). */
export const fundsRouters: readonly Router[] = [
  fundSummaryRouter,
  exportFundSummaryRouter,
  fundLedgerRouter,
  exportFundLedgerRouter,
  fundBalanceRouter,
  recordFundEntryRouter,
  contributionCallRouter,
  reverseFundEntryRouter,
];
