import type { Router } from '@ronghe/http';

/** The honours capability's routers, in mounting order (static paths before `{id}` ones). */
export const honoursRouters: readonly Router[] = [];
