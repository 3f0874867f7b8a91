import type { Router } from '@ronghe/http';
import { designateCityDemoSiteRouter } from './city-demo-site-create.ts';
import { revokeCityDemoSiteRouter } from './city-demo-site-revoke.ts';
import { designateCityRouter } from './city-designation-create.ts';
import { revokeCityDesignationRouter } from './city-designation-revoke.ts';
import { designateCountyDemoSiteRouter } from './county-demo-site-create.ts';
import { revokeCountyDemoSiteRouter } from './county-demo-site-revoke.ts';
import { designateCountyRouter } from './county-designation-create.ts';
import { revokeCountyDesignationRouter } from './county-designation-revoke.ts';
import { listDemoSitesRouter } from './demo-sites-list.ts';
import { listDesignationsRouter } from './designations-list.ts';
import { honoursEligibilityRouter } from './party-honours-eligibility.ts';
import { acceptStandardizationRouter } from './standardization-accept.ts';
import { applyStandardizationRouter } from './standardization-apply.ts';
import { evaluateStandardizationRouter } from './standardization-evaluate.ts';
import { getStandardizationRouter } from './standardization-get.ts';
import { returnStandardizationRouter } from './standardization-return.ts';
import { listStandardizationsRouter } from './standardizations-list.ts';
import { strongestEligibilityRouter } from './strongest-eligibility.ts';

/** The honours capability's routers, in mounting order (static paths before `{id}` ones). */
export const honoursRouters: readonly Router[] = [
  listStandardizationsRouter,
  applyStandardizationRouter,
  strongestEligibilityRouter,
  listDesignationsRouter,
  listDemoSitesRouter,
  honoursEligibilityRouter,
  designateCountyRouter,
  designateCityRouter,
  designateCountyDemoSiteRouter,
  designateCityDemoSiteRouter,
  getStandardizationRouter,
  evaluateStandardizationRouter,
  acceptStandardizationRouter,
  returnStandardizationRouter,
  revokeCountyDesignationRouter,
  revokeCityDesignationRouter,
  revokeCountyDemoSiteRouter,
  revokeCityDemoSiteRouter,
];
