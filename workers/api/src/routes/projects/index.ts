import type { createRouter } from '@ronghe/http';

/**
 * Projects (项目清单), claims, milestones and supervision (督办): every router
 * of the area, in mounting order (static paths before `{id}`).
 */
export const projectRouters: ReadonlyArray<ReturnType<typeof createRouter>> = [];
