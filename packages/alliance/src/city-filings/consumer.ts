import { openDb, prepareStatements } from '@ronghe/core';
import type { Consumer } from '@ronghe/events';
import { CONTROL, findTenant } from '@ronghe/tenancy';
import { copyStatements, readCopies } from './copy.ts';

/**
 * The city's filings inbox (ADR 0024): on every event about a county's filing
 * — filed, signed by the county, signed by the city — the consumer re-reads
 * that filing from the county's database (the truth) and overwrites the city's
 * copy in the control database. Reading the row rather than trusting the
 * event makes it order-free and self-healing: any later event about a filing
 * repairs a copy an earlier failure left behind. The control write happens
 * before the dispatcher records the event as consumed; if it fails the event
 * is retried, and a write repeated is the same write.
 */
export const cityFilingsConsumer: Consumer = {
  name: 'alliance.city-filings',
  types: ['filing.created', 'filing.acknowledged', 'filing.city_acknowledged'],
  async handle(event, { db, env }) {
    // The city's own registry files to itself; its inbox is the counties'.
    if (findTenant(event.tenant)?.kind !== 'county') return [];
    const control = env[CONTROL.binding] as D1Database | undefined;
    if (!control) throw new Error(`binding ${CONTROL.binding} missing`);
    const rows = await readCopies(openDb(db), [event.aggregate.id]);
    const statements = copyStatements(event.tenant, rows, event.at);
    if (statements.length) await control.batch(prepareStatements(control, statements));
    return [];
  },
};
