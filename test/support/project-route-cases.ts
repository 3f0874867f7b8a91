import type { RouteCase } from './route-cases.ts';

/** Cases of the project and supervision routes (see route-cases.ts for the contract). */
export const PROJECT_CASES: Record<string, RouteCase> = {};
