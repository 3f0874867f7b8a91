import type { createRouter } from '@ronghe/http';

/** Categories, needs (需求清单), resources (资源清单) and matching, in mounting order (static paths before `{id}`). */
export const listRouters: ReadonlyArray<ReturnType<typeof createRouter>> = [];
