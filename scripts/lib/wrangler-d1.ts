// Renders the D1 section of wrangler.toml from the tenant registry, so the
// registry stays the single source and `add-county` can rewrite it safely.
import { TENANTS, type TenantDef } from '../../packages/tenancy/src/registry.ts';

export const BEGIN = '# >>> d1 bindings (generated from packages/tenancy/src/registry.ts; run `pnpm county:add`)';
export const END = '# <<< d1 bindings';

export const ENVIRONMENTS = ['', 'production'] as const;

function block(t: TenantDef, env: string): string {
  const migrations = t.kind === 'city' ? 'schema/migrations/control' : 'schema/migrations/tenant';
  const prefix = env ? `env.${env}.` : '';
  const dbName = `ronghe-${t.slug}${env ? '' : '-local'}`;
  return [
    `[[${prefix}d1_databases]]`,
    `binding = "${t.binding}"`,
    `database_name = "${dbName}"`,
    // Local development keys its SQLite file on database_id; production ids are set at provisioning.
    `database_id = "${env ? `00000000-0000-0000-0000-${t.code.padStart(12, '0')}` : `local-${t.slug}`}"`,
    `migrations_dir = "${migrations}"`,
  ].join('\n');
}

export function renderD1Section(tenants: readonly TenantDef[] = TENANTS): string {
  const parts: string[] = [BEGIN];
  for (const env of ENVIRONMENTS) {
    for (const t of tenants) parts.push(block(t, env));
  }
  parts.push(END);
  return parts.join('\n\n');
}

export function replaceD1Section(toml: string, tenants: readonly TenantDef[] = TENANTS): string {
  const start = toml.indexOf(BEGIN);
  const end = toml.indexOf(END);
  if (start < 0 || end < 0) throw new Error('wrangler.toml: generated D1 markers not found');
  return toml.slice(0, start) + renderD1Section(tenants) + toml.slice(end + END.length);
}
