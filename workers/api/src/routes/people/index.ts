import type { Router } from '@ronghe/http';
// ── People registry ─────────────────────────────────────────────────────────
import { personAccountRouter } from './persons/account.ts';
import { createPersonRouter } from './persons/create.ts';
import { exportPeopleRouter } from './persons/export.ts';
import { getPersonRouter } from './persons/get.ts';
import { peopleTemplateRouter } from './persons/import-template.ts';
import { importPeopleRouter } from './persons/import.ts';
import { leavePersonRouter } from './persons/leave.ts';
import { listPeopleRouter } from './persons/list.ts';
import { myProfileRouter } from './persons/my-profile.ts';
import { updatePersonRouter } from './persons/update.ts';

import { claimPostRouter, logServiceRouter, myPostsRouter } from './posts-my.ts';
import { getPostRouter, listPostsRouter, postWorkRouter } from './posts-read.ts';
import { createPostRouter, decidePostClaimRouter, decideServiceRouter, updatePostRouter } from './posts-write.ts';

/** The people capability's routers, in mounting order (static paths before `{id}` ones). */
export const peopleRouters: readonly Router[] = [
  // ── People registry ───────────────────────────────────────────────────────
  exportPeopleRouter,
  peopleTemplateRouter,
  importPeopleRouter,
  listPeopleRouter,
  createPersonRouter,
  getPersonRouter,
  updatePersonRouter,
  leavePersonRouter,
  personAccountRouter,
  myProfileRouter,
  // ── 报到领岗 (lane: posts) ──
  listPostsRouter,
  createPostRouter,
  myPostsRouter,
  claimPostRouter,
  logServiceRouter,
  getPostRouter,
  updatePostRouter,
  postWorkRouter,
  decidePostClaimRouter,
  decideServiceRouter,
];
