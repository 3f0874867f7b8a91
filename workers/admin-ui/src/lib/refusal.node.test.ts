import { describe, expect, it } from 'vitest';
import { refusal } from './refusal.ts';

// A button the server would refuse says why (issue 10 §3). The actions are what GET /tenants
// reports for the role (by hand from packages/identity/src/access.ts: 新建项目 is project.manage,
// the county administrator's and a lead organization's secretary's; recomputing warnings is the
// county administrator's alone).

describe('refusal', () => {
  it('says nothing where one of the roles may attempt the action', () => {
    const lead = { readOnly: false, roles: ['alliance_admin' as const], actions: ['project.manage', 'need.create'] };
    expect(refusal(lead, 'project.manage', '新建项目')).toBeUndefined();
  });

  it('names the roles that may not, in Chinese', () => {
    const liaison = { readOnly: false, roles: ['org_liaison' as const], actions: ['need.create', 'project.claim'] };
    expect(refusal(liaison, 'project.manage', '新建项目')).toBe('成员单位联络员无权新建项目');
    const both = { readOnly: false, roles: ['committee_reviewer' as const, 'member' as const], actions: ['need.create'] };
    expect(refusal(both, 'supervision.run', '重新计算预警')).toBe('上级党(工)委审核人、党员无权重新计算预警');
  });

  it('a read-only view refuses every write, whatever the roles', () => {
    const city = { readOnly: true, roles: ['city_admin' as const], actions: ['project.manage'] };
    expect(refusal(city, 'project.manage', '新建项目')).toBe('只读视图：不能新建项目');
  });
});
