import { ACTIONS, MATRIX, type Action, type Scope } from '@ronghe/identity';
import { ROLES, type Role } from '@ronghe/schema';
import { describe, expect, it } from 'vitest';
import { ROLE_ACTIONS, scopesOf } from './role-actions.ts';

// The hand-written role table against the code's MATRIX, cell by cell: a
// grant added or dropped on either side names its role, action and both cells.
const show = (s: readonly Scope[]) => (s.length === 0 ? '—' : [...s].sort().join('+'));
const actual = (action: Action, role: Role): readonly Scope[] => (MATRIX[action] ?? []).filter((r) => r.role === role).map((r) => r.scope);

describe('role × action: intended table = MATRIX', () => {
  it('names the same actions', () => {
    expect(ACTIONS.filter((a) => !(a in ROLE_ACTIONS)), 'in ACTIONS, missing from test/spec/role-actions.ts').toEqual([]);
    expect(Object.keys(ROLE_ACTIONS).filter((a) => !(ACTIONS as readonly string[]).includes(a)), 'in the intended table, not in ACTIONS').toEqual([]);
    expect(Object.keys(MATRIX).filter((a) => !(a in ROLE_ACTIONS)), 'in MATRIX, missing from the intended table').toEqual([]);
  });

  for (const action of ACTIONS) {
    it(action, () => {
      const wrong = ROLES.map((role) => ({ role, expected: show(scopesOf(action, role)), actual: show(actual(action, role)) }))
        .filter((c) => c.expected !== c.actual)
        .map((c) => `${c.role} × ${action}: expected ${c.expected}, actual ${c.actual}`);
      expect(wrong).toEqual([]);
    });
  }

  it('MATRIX grants only the roles of the schema', () => {
    const strays = Object.entries(MATRIX).flatMap(([action, rules]) => rules.filter((r) => !ROLES.includes(r.role)).map((r) => `${action}: ${r.role}`));
    expect(strays).toEqual([]);
  });
});
