import { describe, expect, it } from 'vitest';
import { operations } from '../support/route-cases.ts';
import { worker } from '../support/worker.ts';
import { OPERATION_ACTIONS } from './operation-actions.ts';
import { ROLE_ACTIONS } from './role-actions.ts';

// The hand-written operation → action map against the served OpenAPI
// document's `x-action`, in both directions.
const ops = await operations(() => worker.fetch(new Request('http://x/openapi.json')));

describe('operation → action: intended map = served x-action', () => {
  it('every served operation is in the intended map', () => {
    expect(ops.filter((o) => !(o.key in OPERATION_ACTIONS)).map((o) => `${o.key} (x-action: ${o.action || '—'})`)).toEqual([]);
  });

  it('every operation of the intended map is served', () => {
    const served = new Set(ops.map((o) => o.key));
    expect(Object.keys(OPERATION_ACTIONS).filter((k) => !served.has(k))).toEqual([]);
  });

  it('every operation is authorized by the intended action', () => {
    const wrong = ops
      .filter((o) => o.key in OPERATION_ACTIONS && OPERATION_ACTIONS[o.key] !== o.action)
      .map((o) => `${o.key}: expected ${OPERATION_ACTIONS[o.key]}, actual ${o.action || '—'}`);
    expect(wrong).toEqual([]);
  });

  it('every intended action of a tenant operation is a row of the role table', () => {
    const outside = Object.entries(OPERATION_ACTIONS)
      .filter(([key, action]) => key.includes('/api/') && !['public', 'session'].includes(action) && !(action in ROLE_ACTIONS))
      .map(([key, action]) => `${key}: ${action}`);
    expect(outside).toEqual([]);
  });
});
