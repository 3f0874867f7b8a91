import type { Router } from '@ronghe/http';
import { createOrgRouter } from './orgs/create.ts';
import { deactivateOrgRouter } from './orgs/deactivate.ts';
import { exportOrgsRouter } from './orgs/export.ts';
import { getOrgRouter } from './orgs/get.ts';
import { importTemplateRouter } from './orgs/import-template.ts';
import { importOrgsRouter } from './orgs/import.ts';
import { listOrgsRouter } from './orgs/list.ts';
import { reactivateOrgRouter } from './orgs/reactivate.ts';
import { treeRouter } from './orgs/tree.ts';
import { updateOrgRouter } from './orgs/update.ts';

/** Organizations (党组织), in mounting order: static paths (`/orgs/tree`, `/orgs/export` …) before `/orgs/{id}`. */
export const registryRouters: readonly Router[] = [
  treeRouter,
  exportOrgsRouter,
  importTemplateRouter,
  importOrgsRouter,
  listOrgsRouter,
  createOrgRouter,
  getOrgRouter,
  updateOrgRouter,
  deactivateOrgRouter,
  reactivateOrgRouter,
];
