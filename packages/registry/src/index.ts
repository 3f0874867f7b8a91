// The public face of the registry capability (ADR 0010): exactly what the workers and scripts call.
// Named exports only, never `export *`: a name is public because a caller needs it.
// Other capabilities do not import this file; they use './read.ts' (`@ronghe/registry/read`).
export { createOrg } from './orgs/create.ts';
export { deactivateOrg } from './orgs/deactivate.ts';
export { exportOrgs } from './orgs/export.ts';
export { getOrg } from './orgs/get.ts';
export { importOrgs } from './orgs/import.ts';
export { listOrgRows } from './orgs/list.ts';
export { reactivateOrg } from './orgs/reactivate.ts';
export { findOrgRow } from './orgs/rows.ts';
export { writeOrgTemplate } from './orgs/sheet.ts';
export { orgTree } from './orgs/tree.ts';
export { updateOrg } from './orgs/update.ts';
export { type OrgRow, toView } from './orgs/view.ts';
