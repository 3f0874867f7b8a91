import type { Router } from '@ronghe/http';
import { getOwnRollupRouter } from './own.ts';

/** 汇总 (issue 13): a county's own rollup; the city's are in workers/city. */
export const rollupRouters: readonly Router[] = [getOwnRollupRouter];
