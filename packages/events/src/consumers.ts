import type { Consumer } from './consume.ts';

/**
 * The consumers the events queue dispatches to. A capability that reacts to
 * other capabilities' events adds its consumer here (one line); the 工作台's
 * notifications consumer is the first. Each consumer's name is the key of its
 * `consumed_events` rows: never rename one that has run.
 */
export const CONSUMERS: readonly Consumer[] = [];
