// Locality levels from the finest to the widest; a level's index is also the
// order of the place cost (a finer shared unit is cheaper).
import type { Locality } from './types.ts';

export type Level = 0 | 1 | 2 | 3;
export const LEVELS: readonly Locality[] = ['grid', 'community', 'street', 'county'];
