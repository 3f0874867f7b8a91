import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, defaultRulesSql } from './defaults.ts';

// The custom migration writes every county's default rules as SQL; the
// consumer, the demo data and the pages read DEFAULT_RULES. They must agree.
describe('default point rules', () => {
  it('the custom migration inserts exactly the rules of DEFAULT_RULES', () => {
    const sql = readFileSync(new URL('../../../../schema/migrations/tenant/0017_points_ledger_append_only_default_rules.sql', import.meta.url), 'utf8');
    expect(sql).toContain(defaultRulesSql());
  });

  it('every event-driven source has a rule whose code is the source, and caps have a period', () => {
    for (const s of ['org_life', 'service_hour', 'post_duty', 'activity_attendance', 'report_participation']) {
      expect(DEFAULT_RULES.find((r) => r.code === s)?.source).toBe(s);
    }
    for (const r of DEFAULT_RULES) expect(r.capPeriod === null).toBe(r.capPoints === null);
  });
});
