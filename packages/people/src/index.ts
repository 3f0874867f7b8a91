// The people capability (issue 11): people registry, 双报到, 报到领岗.
// Named exports only (ADR 0010): what the workers, scripts and tests call.
export { activeMembersOf, peopleById, personOfUser, type PersonRef } from './read.ts';

// 报到领岗 (lane: posts)
export { createPost } from './posts/create.ts';
export { updatePost } from './posts/update.ts';
export { getPost, listPosts } from './posts/list.ts';
export { postWork } from './posts/views.ts';
export { claimPost } from './posts/claim.ts';
export { decideClaim } from './posts/claim-decide.ts';
export { logService } from './posts/service-log.ts';
export { decideService } from './posts/service-decide.ts';
export { myPosts } from './posts/mine.ts';
