import type { Router } from '@ronghe/http';

/** The points capability's routers, in mounting order (static paths before `{id}` ones). */
export const pointsRouters: readonly Router[] = [];
