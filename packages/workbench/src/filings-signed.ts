import { and, eq, isNull } from 'drizzle-orm';
import { filingFacts } from '@ronghe/alliance/read';
import { openDb, prepareStatements } from '@ronghe/core';
import type { Consumer } from '@ronghe/events';
import { notifications } from '@ronghe/schema';

/**
 * Clears the 新的备案待签收 messages of an alliance once the county has signed
 * every filing of it (issue 10 §3: reading a filing clears the bell too). The
 * signature is the county department's, not one person's (`county_state`), so
 * every county administrator's message goes read together. A filing of the
 * same alliance still unsigned keeps them: the message is about the alliance.
 * Idempotent twice over: `consumed_events`, and only unread rows change.
 */
export const filingsSignedConsumer: Consumer = {
  name: 'workbench.filings-signed',
  types: ['filing.acknowledged'],
  async handle(event, { db }) {
    const tenantDb = openDb(db);
    const facts = await filingFacts(tenantDb, event.aggregate.id);
    if (!facts || facts.unsignedLeft > 0) return [];
    return prepareStatements(db, [
      tenantDb
        .update(notifications)
        .set({ readAt: event.at })
        .where(
          and(
            eq(notifications.objectType, 'alliance'),
            eq(notifications.objectId, facts.allianceId),
            // The link the notifications consumer writes for a filing (notify.ts).
            eq(notifications.link, `/t/${event.tenant}/filings?state=unread`),
            isNull(notifications.readAt),
          ),
        ),
    ]);
  },
};
