import type { Router } from '@ronghe/http';

/** The assessment capability's routers, in mounting order (static paths before `{id}` ones). */
export const assessmentRouters: readonly Router[] = [];
