import { describe, expect, it } from 'vitest';
import { allianceToOpen } from './default-alliance.ts';

// A lead organization's secretary opens 需求对接 on the alliance they lead that is at work.
const LEAD = 'org_lead';
const a = (id: string, status: Parameters<typeof allianceToOpen>[0][number]['status'], leadOrgId = LEAD) => ({ id, status, leadOrgId });

describe('allianceToOpen', () => {
  it('opens the running alliance, not a newer draft listed first', () => {
    expect(allianceToOpen([a('aln_new', 'draft'), a('aln_applied', 'applied'), a('aln_run', 'active')], LEAD)?.id).toBe('aln_run');
  });

  it('one under rectification is still at work; one only established comes after it', () => {
    expect(allianceToOpen([a('aln_est', 'established'), a('aln_fix', 'rectifying')], LEAD)?.id).toBe('aln_fix');
    expect(allianceToOpen([a('aln_draft', 'draft'), a('aln_est', 'established')], LEAD)?.id).toBe('aln_est');
  });

  it('with only a draft, the draft; never a dissolved or refused one, nor another lead’s', () => {
    expect(allianceToOpen([a('aln_draft', 'draft')], LEAD)?.id).toBe('aln_draft');
    expect(allianceToOpen([a('aln_gone', 'dissolved'), a('aln_no', 'rejected'), a('aln_other', 'active', 'org_other')], LEAD)).toBeUndefined();
  });
});
