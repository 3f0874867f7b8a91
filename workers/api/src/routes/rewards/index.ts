import type { Router } from '@ronghe/http';

/** The rewards capability's routers, in mounting order (static paths before `{id}` ones). */
export const rewardsRouters: readonly Router[] = [];
