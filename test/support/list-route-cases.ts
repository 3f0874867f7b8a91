import type { RouteCase } from './route-cases.ts';

/** Cases of the category, need, resource and matching routes (see route-cases.ts for the contract). */
export const LIST_CASES: Record<string, RouteCase> = {};
