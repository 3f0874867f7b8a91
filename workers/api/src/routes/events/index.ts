import { replayDeadLetterRouter } from './dead-letter-replay.ts';
import { listDeadLettersRouter } from './dead-letters-list.ts';

/** Domain events' management routes (ADR 0012): the county's dead letters. */
export const eventRouters = [listDeadLettersRouter, replayDeadLetterRouter];
