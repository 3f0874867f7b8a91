import type { Router } from '@ronghe/http';

/** The people capability's routers, in mounting order (static paths before `{id}` ones). */
export const peopleRouters: readonly Router[] = [];
