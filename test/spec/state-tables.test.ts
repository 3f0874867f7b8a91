import { ADJUSTABLE, TRANSITIONS } from '@ronghe/alliance';
import { OPEN_PROJECT, PROJECT_TRANSITIONS } from '@ronghe/lists';
import { ADJUSTMENT_STATUSES, ALLIANCE_ACTIONS, ALLIANCE_STATUSES, CLAIM_STATUSES, PROJECT_ACTIONS, PROJECT_STATUSES } from '@ronghe/schema';
import { describe, expect, it } from 'vitest';
import { ADJUSTMENT_ALLIANCE_STATES, ADJUSTMENT_STATE_COLUMNS, adjustableIn } from './adjustment-states.ts';
import { ALLIANCE_STATE_COLUMNS, ALLIANCE_STATES, allianceTarget } from './alliance-states.ts';
import { CLAIM_STATE_COLUMNS, projectAfterClaim } from './claim-states.ts';
import { PROJECT_STATE_COLUMNS, PROJECT_STATES, projectTarget } from './project-states.ts';

// The hand-written state tables against the code's tables, cell by cell. The
// adjustments' and claims' own steps live in the services' code, not in a
// table: those are exercised through the API in *.exhaustive.test.ts here.
const cell = (to: string | null) => to ?? '—';

describe('state tables: the intended columns and rows are the schema enums', () => {
  it('alliances', () => {
    expect([...ALLIANCE_STATE_COLUMNS].sort()).toEqual([...ALLIANCE_STATUSES].sort());
    expect(Object.keys(ALLIANCE_STATES).sort()).toEqual([...ALLIANCE_ACTIONS].sort());
  });
  it('projects', () => {
    expect([...PROJECT_STATE_COLUMNS].sort()).toEqual([...PROJECT_STATUSES].sort());
    expect(Object.keys(PROJECT_STATES).sort()).toEqual([...PROJECT_ACTIONS].sort());
  });
  it('adjustments and claims', () => {
    expect([...ADJUSTMENT_STATE_COLUMNS].sort()).toEqual([...ADJUSTMENT_STATUSES].sort());
    expect([...CLAIM_STATE_COLUMNS].sort()).toEqual([...CLAIM_STATUSES].sort());
  });
});

describe('alliance state × action: intended table = TRANSITIONS', () => {
  for (const action of ALLIANCE_ACTIONS) {
    it(action, () => {
      const t = TRANSITIONS[action];
      const wrong = ALLIANCE_STATUSES.map((state) => ({ state, expected: cell(allianceTarget(action, state)), actual: t.from.includes(state) ? t.to : '—' }))
        .filter((c) => c.expected !== c.actual)
        .map((c) => `${action} from ${c.state}: expected ${c.expected}, actual ${c.actual}`);
      if (ALLIANCE_STATES[action][0] !== t.permission) wrong.push(`${action} decided by: expected ${ALLIANCE_STATES[action][0]}, actual ${t.permission}`);
      expect(wrong).toEqual([]);
    });
  }
});

describe('project state × action: intended table = PROJECT_TRANSITIONS', () => {
  for (const action of PROJECT_ACTIONS) {
    it(action, () => {
      const t = PROJECT_TRANSITIONS[action];
      const wrong = PROJECT_STATUSES.map((state) => ({ state, expected: cell(projectTarget(action, state)), actual: t.from.includes(state) ? t.to : '—' }))
        .filter((c) => c.expected !== c.actual)
        .map((c) => `${action} from ${c.state}: expected ${c.expected}, actual ${c.actual}`);
      if (PROJECT_STATES[action][0] !== t.permission) wrong.push(`${action} taken by: expected ${PROJECT_STATES[action][0]}, actual ${t.permission}`);
      expect(wrong).toEqual([]);
    });
  }
});

describe('adjustments and claims: intended tables = the code lists they are checked against', () => {
  it('an adjustment is proposed and decided only in ADJUSTABLE alliance states', () => {
    const wrong = (Object.keys(ADJUSTMENT_ALLIANCE_STATES) as Array<'propose' | 'decide'>).flatMap((step) =>
      ALLIANCE_STATUSES.filter((s) => adjustableIn(step, s) !== ADJUSTABLE.includes(s)).map(
        (s) => `${step} in ${s}: expected ${adjustableIn(step, s) ? 'allowed' : '—'}, actual ${ADJUSTABLE.includes(s) ? 'allowed' : '—'}`,
      ),
    );
    expect(wrong).toEqual([]);
  });

  it('claims are taken only in OPEN_PROJECT states', () => {
    const wrong = PROJECT_STATUSES.filter((s) => (projectAfterClaim('claim', s) !== null) !== OPEN_PROJECT.includes(s)).map(
      (s) => `claim in ${s}: expected ${projectAfterClaim('claim', s) ? 'allowed' : '—'}, actual ${OPEN_PROJECT.includes(s) ? 'allowed' : '—'}`,
    );
    expect(wrong).toEqual([]);
  });
});
