import { controlDb, createRouter, requireSession, tenantScope } from '@ronghe/http';
import { createAccountRouter } from './routes/accounts/create.ts';
import { setGrantsRouter } from './routes/accounts/grants.ts';
import { listAccountsRouter } from './routes/accounts/list.ts';
import { resetPasswordRouter } from './routes/accounts/reset-password.ts';
import { accountStatusRouter } from './routes/accounts/status.ts';
import { approveAdjustmentRouter, rejectAdjustmentRouter } from './routes/alliances/adjustment-decide.ts';
import { proposeAdjustmentRouter } from './routes/alliances/adjustment-propose.ts';
import { createAllianceRouter } from './routes/alliances/create.ts';
import { createDocumentRouter } from './routes/alliances/document-create.ts';
import { getDocumentRouter } from './routes/alliances/document-get.ts';
import { updateDocumentRouter } from './routes/alliances/document-update.ts';
import { exportAlliancesRouter } from './routes/alliances/export.ts';
import { getAllianceRouter } from './routes/alliances/get.ts';
import { governanceRouter } from './routes/alliances/governance.ts';
import { listAlliancesRouter } from './routes/alliances/list.ts';
import { addMemberRouter } from './routes/alliances/member-add.ts';
import { removeMemberRouter } from './routes/alliances/member-remove.ts';
import { updateMemberRouter } from './routes/alliances/member-update.ts';
import { transitionRouters } from './routes/alliances/transitions.ts';
import { listRouters } from './routes/needs/index.ts';
import { projectRouters } from './routes/projects/index.ts';
import { updateAllianceRouter } from './routes/alliances/update.ts';
import { acknowledgeFilingRouter } from './routes/filings/acknowledge.ts';
import { listFilingsRouter } from './routes/filings/list.ts';
import { createDistrictRouter } from './routes/red/district-create.ts';
import { getDistrictRouter } from './routes/red/district-get.ts';
import { listDistrictsRouter } from './routes/red/district-list.ts';
import { updateDistrictRouter } from './routes/red/district-update.ts';
import { createRouteRouter } from './routes/red/route-create.ts';
import { getRouteRouter } from './routes/red/route-get.ts';
import { listRoutesRouter } from './routes/red/route-list.ts';
import { updateRouteRouter } from './routes/red/route-update.ts';
import { issueApiKeyRouter } from './routes/api-keys/issue.ts';
import { listApiKeysRouter } from './routes/api-keys/list.ts';
import { revokeApiKeyRouter } from './routes/api-keys/revoke.ts';
import { auditRouter } from './routes/audit/list.ts';
import { loginRouter } from './routes/auth/login.ts';
import { changePasswordRouter } from './routes/auth/change-password.ts';
import { logoutRouter } from './routes/auth/logout.ts';
import { meRouter } from './routes/auth/me.ts';
import { tenantsRouter } from './routes/auth/tenants.ts';
import { createOrgRouter } from './routes/orgs/create.ts';
import { deactivateOrgRouter } from './routes/orgs/deactivate.ts';
import { exportOrgsRouter } from './routes/orgs/export.ts';
import { getOrgRouter } from './routes/orgs/get.ts';
import { importTemplateRouter } from './routes/orgs/import-template.ts';
import { importOrgsRouter } from './routes/orgs/import.ts';
import { listOrgsRouter } from './routes/orgs/list.ts';
import { reactivateOrgRouter } from './routes/orgs/reactivate.ts';
import { treeRouter } from './routes/orgs/tree.ts';
import { updateOrgRouter } from './routes/orgs/update.ts';
import { workbenchRouters } from './routes/workbench/index.ts';

export { IMPORT_MAX_BYTES } from './routes/orgs/import.ts';

/**
 * The management API (mounted at /api): staff sessions, then tenant-scoped
 * routers. Static org paths are mounted before `/orgs/{id}` so they win.
 */
export function createManagementApi() {
  const app = createRouter();
  app.use('*', controlDb);
  app.use('/me/*', requireSession);
  app.use('/me', requireSession);
  app.use('/tenants', requireSession);
  app.use('/auth/logout', requireSession);
  app.use('/t/:tenant/*', requireSession, tenantScope);

  const api = app
    .route('/', loginRouter)
    .route('/', logoutRouter)
    .route('/', meRouter)
    .route('/', changePasswordRouter)
    .route('/', tenantsRouter)
    .route('/', treeRouter)
    .route('/', exportOrgsRouter)
    .route('/', importTemplateRouter)
    .route('/', importOrgsRouter)
    .route('/', listOrgsRouter)
    .route('/', createOrgRouter)
    .route('/', getOrgRouter)
    .route('/', updateOrgRouter)
    .route('/', deactivateOrgRouter)
    .route('/', reactivateOrgRouter)
    .route('/', auditRouter)
    .route('/', issueApiKeyRouter)
    .route('/', listApiKeysRouter)
    .route('/', revokeApiKeyRouter)
    .route('/', listAccountsRouter)
    .route('/', createAccountRouter)
    .route('/', setGrantsRouter)
    .route('/', resetPasswordRouter)
    .route('/', accountStatusRouter)
    .route('/', listAlliancesRouter)
    .route('/', exportAlliancesRouter)
    .route('/', createAllianceRouter)
    .route('/', getAllianceRouter)
    .route('/', updateAllianceRouter)
    .route('/', addMemberRouter)
    .route('/', updateMemberRouter)
    .route('/', removeMemberRouter)
    .route('/', governanceRouter)
    .route('/', createDocumentRouter)
    .route('/', getDocumentRouter)
    .route('/', updateDocumentRouter)
    .route('/', proposeAdjustmentRouter)
    .route('/', approveAdjustmentRouter)
    .route('/', rejectAdjustmentRouter)
    .route('/', listFilingsRouter)
    .route('/', acknowledgeFilingRouter)
    .route('/', listRoutesRouter)
    .route('/', createRouteRouter)
    .route('/', getRouteRouter)
    .route('/', updateRouteRouter)
    .route('/', listDistrictsRouter)
    .route('/', createDistrictRouter)
    .route('/', getDistrictRouter)
    .route('/', updateDistrictRouter);
  for (const r of transitionRouters) api.route('/', r);
  for (const r of listRouters) api.route('/', r);
  for (const r of projectRouters) api.route('/', r);
  for (const r of workbenchRouters) api.route('/', r);
  return api;
}
