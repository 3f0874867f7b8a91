import { AppError, isStaleGuardError } from '@ronghe/core';

/**
 * Runs a decision's batch: a guard that no longer holds (someone decided first) is a 409 naming what happened, not
 * the generic 412 of an If-Match edit — the client sent no version, it pressed a button on a state that moved on.
 */
export async function decideOnce<T>(detail: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isStaleGuardError(err)) throw new AppError('conflict', detail);
    throw err;
  }
}

/** A unique-index violation of one of our own "one live row" indexes, in our own words. */
export async function once<T>(index: RegExp, detail: string, path: string | null, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
      if (index.test(String((e as Error).message ?? e))) throw new AppError('conflict', detail, path ? { errors: [{ path, message: detail }] } : {});
      if (e === (e as { cause?: unknown }).cause) break;
    }
    throw err;
  }
}

/** The organization department's name for a designation's level (the body that decided). */
export const LEVEL_BODY = { county: '区委组织部', city: '市委组织部' } as const;
