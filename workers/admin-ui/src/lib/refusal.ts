import type { Tenant } from '../api/types.ts';
import { roleLabel } from '../shared/roleLabel.ts';

/**
 * Why the server would refuse `action` to this user in this tenant, in the words a tooltip shows,
 * or undefined when one of the user's roles may attempt it. It reads the actions GET /tenants
 * reports from the server's own role × action matrix, so a disabled button and the API's 无权
 * follow one rule; the server still decides each request (scope, state).
 * `what` names the deed as a verb phrase: 新建项目, 重新计算预警.
 */
export function refusal(tenant: Pick<Tenant, 'readOnly' | 'roles' | 'actions'>, action: string, what: string): string | undefined {
  if (tenant.readOnly) return `只读视图：不能${what}`;
  if (tenant.actions.includes(action)) return undefined;
  const roles = tenant.roles.map(roleLabel).join('、');
  return `${roles || '当前身份'}无权${what}`;
}
