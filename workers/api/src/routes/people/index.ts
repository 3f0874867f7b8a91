import type { Router } from '@ronghe/http';
import { claimPostRouter, logServiceRouter, myPostsRouter } from './posts-my.ts';
import { getPostRouter, listPostsRouter, postWorkRouter } from './posts-read.ts';
import { createPostRouter, decidePostClaimRouter, decideServiceRouter, updatePostRouter } from './posts-write.ts';

/** The people capability's routers, in mounting order (static paths before `{id}` ones). */
export const peopleRouters: readonly Router[] = [
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
