// Urgency is the weight of the objective, never a cost.
import type { Urgency } from './types.ts';

/**
 * 1 一般, 2 较急, 4 紧急, 8 特急: each step doubles. A unit of a more urgent
 * need outweighs any one unit of a less urgent need, but not any number of
 * them — two 紧急 units are worth one 特急 unit — so a single 特急 request
 * cannot starve a street's worth of ordinary needs, while among needs that
 * compete for the same scarce resource the urgent ones clearly win.
 */
export const URGENCY_WEIGHT: Readonly<Record<Urgency, number>> = { 1: 1, 2: 2, 3: 4, 4: 8 };
