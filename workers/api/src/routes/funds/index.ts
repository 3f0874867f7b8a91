import type { Router } from '@ronghe/http';

/** The funds capability's routers, in mounting order (static paths before `{id}` ones). */
export const fundsRouters: readonly Router[] = [];
