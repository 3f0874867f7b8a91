import { BODY_LIMITS, controlDb, createRouter, requireSession, tenantScope } from '@ronghe/http';
import { allianceRouters } from './routes/alliance/index.ts';
import { auditRouters } from './routes/audit/index.ts';
import { eventRouters } from './routes/events/index.ts';
import { identityRouters } from './routes/identity/index.ts';
import { listsRouters } from './routes/lists/index.ts';
import { peopleRouters } from './routes/people/index.ts';
import { pointsRouters } from './routes/points/index.ts';
import { activitiesRouters } from './routes/activities/index.ts';
import { assessmentRouters } from './routes/assessment/index.ts';
import { honoursRouters } from './routes/honours/index.ts';
import { rewardsRouters } from './routes/rewards/index.ts';
import { fundsRouters } from './routes/funds/index.ts';
import { registryRouters } from './routes/registry/index.ts';
import { workbenchRouters } from './routes/workbench/index.ts';
import { rollupRouters } from './routes/rollup/index.ts';
import { webhookRouters } from './routes/webhooks/index.ts';

/** The largest workbook an import accepts (every route declaring `body: 'xlsx'`). */
export const IMPORT_MAX_BYTES = BODY_LIMITS.xlsx;

/**
 * The management API (mounted at /api): staff sessions, then tenant-scoped
 * routers, one list per capability (`routes/<capability>/index.ts`). Each
 * list mounts its static paths before its `{id}` ones, so they win.
 */
export function createManagementApi() {
  const app = createRouter();
  app.use('*', controlDb);
  app.use('/me/*', requireSession);
  app.use('/me', requireSession);
  app.use('/tenants', requireSession);
  app.use('/auth/logout', requireSession);
  app.use('/t/:tenant/*', requireSession, tenantScope);

  const capabilities = [
    identityRouters,
    registryRouters,
    auditRouters,
    allianceRouters,
    listsRouters,
    eventRouters,
    workbenchRouters,
    peopleRouters,
    pointsRouters,
    activitiesRouters,
    assessmentRouters,
    honoursRouters,
    rewardsRouters,
    fundsRouters,
    rollupRouters,
    webhookRouters,
  ];
  for (const routers of capabilities) for (const r of routers) app.route('/', r);
  return app;
}
