import type { Router } from '@ronghe/http';

/** The activities capability's routers, in mounting order (static paths before `{id}` ones). */
export const activitiesRouters: readonly Router[] = [];
