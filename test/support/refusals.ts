import type { ErrorCode } from '@ronghe/core';
import type { Fixture } from './route-cases.ts';

/**
 * The exact refusal a bad request must get: status and problem `code`, and
 * for a 422 the field its `errors` must name — `field` is a path under the
 * body (`name`, `seats.0.layer`; '' is the body as a whole), `unknown` an
 * unknown key (`status`, `grants.0.tenant`), named in the message at its
 * parent's path.
 */
export interface Refusal {
  status: number;
  code: ErrorCode;
  field?: string;
  unknown?: string;
}

export const invalid = (field: string): Refusal => ({ status: 422, code: 'validation_failed', field });
export const unknownKey = (field: string): Refusal => ({ status: 422, code: 'validation_failed', unknown: field });

/** A JSON body, as the case's own valid request carries it. */
// `any`: bad bodies spread the valid one and override arbitrary fields, nested ones included.
export type Body = Record<string, any>;

/**
 * One defect: a body made from the route's valid body (`ok`, from `build`,
 * so every id in it is a real object of the fixture) with exactly one thing
 * wrong, and the refusal that one thing must get.
 */
export type BadCase = [body: (ok: Body, f: Fixture) => unknown, refusal: Refusal];

/** The valid body without the given keys. */
export const omit = (ok: Body, ...keys: string[]): Body => Object.fromEntries(Object.entries(ok).filter(([k]) => !keys.includes(k)));

