import type { Location } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { Tenant } from '../../../api/types.ts';
import { returnPath } from './return-path.ts';

const hongshan: Tenant = { slug: 'hongshan', code: '150402', name: '红山区', kind: 'county', roles: ['org_liaison'], readOnly: false, actions: [] };
const at = (pathname: string, search = ''): Location => ({ pathname, search, hash: '', state: null, key: 'k' });

describe('where signing in leads (the page a session ended on)', () => {
  it('the person whose session ended goes back to the page, with its filters', () => {
    expect(returnPath({ from: at('/t/hongshan/needs', '?status=open'), who: 'hongshan_liaison' }, 'hongshan_liaison', [hongshan])).toBe('/t/hongshan/needs?status=open');
  });

  it('someone else signing in on the same tab goes to their own home, not to the last person’s 我的 page', () => {
    expect(returnPath({ from: at('/t/hongshan/my'), who: 'hongshan_member' }, 'hongshan_liaison', [hongshan])).toBe('/');
  });

  it('a signed-out visitor’s bookmark is opened for whoever signs in', () => {
    expect(returnPath({ from: at('/t/hongshan/projects') }, 'hongshan_liaison', [hongshan])).toBe('/t/hongshan/projects');
  });

  it('a tenant this account cannot open, or a page outside any tenant, leads home', () => {
    expect(returnPath({ from: at('/t/songshan/needs'), who: 'hongshan_liaison' }, 'hongshan_liaison', [hongshan])).toBe('/');
    expect(returnPath({ from: at('/login') }, 'hongshan_liaison', [hongshan])).toBe('/');
    expect(returnPath({}, 'hongshan_liaison', [hongshan])).toBe('/');
  });
});
