// Renders the D1 section of wrangler.toml from the tenant registry, so the
// registry stays the single source and `add-county` can rewrite it safely.
import { CONTROL, TENANTS, type TenantDef } from '../../packages/tenancy/src/registry.ts';

export const BEGIN = '# >>> d1 bindings (generated from packages/tenancy/src/registry.ts; run `pnpm county:add`)';
export const END = '# <<< d1 bindings';

export const ENVIRONMENTS = ['', 'production'] as const;

/** One migration set per kind of database (ADR 0013). */
export const MIGRATIONS_DIR = { control: 'schema/migrations/control', tenant: 'schema/migrations/tenant' } as const;

interface D1Block {
  binding: string;
  /** Without the `-local` suffix local development adds. */
  name: string;
  localId: string;
  productionId: string;
  migrations: string;
}

// The control database keeps the names and ids it had when it was also the
// city tenant (ADR 0003): a deployed database cannot be renamed, and local
// development keys its SQLite file on database_id, so existing state stays found.
const CONTROL_BLOCK: D1Block = {
  binding: CONTROL.binding,
  name: 'ronghe-chifeng',
  localId: 'local-chifeng',
  productionId: '00000000-0000-0000-0000-000000150400',
  migrations: MIGRATIONS_DIR.control,
};

function tenantBlock(t: TenantDef): D1Block {
  // The city's GB/T 2260 code is already the control database's placeholder id, so the city tenant takes the 0001 group.
  const city = t.kind === 'city';
  return {
    binding: t.binding,
    name: city ? `ronghe-${t.slug}-city` : `ronghe-${t.slug}`,
    localId: city ? `local-${t.slug}-city` : `local-${t.slug}`,
    productionId: `00000000-0000-0000-${city ? '0001' : '0000'}-${t.code.padStart(12, '0')}`,
    migrations: MIGRATIONS_DIR.tenant,
  };
}

function render(b: D1Block, env: string): string {
  const prefix = env ? `env.${env}.` : '';
  return [
    `[[${prefix}d1_databases]]`,
    `binding = "${b.binding}"`,
    `database_name = "${b.name}${env ? '' : '-local'}"`,
    // Local development keys its SQLite file on database_id; production ids are set at provisioning.
    `database_id = "${env ? b.productionId : b.localId}"`,
    `migrations_dir = "${b.migrations}"`,
  ].join('\n');
}

export function renderD1Section(tenants: readonly TenantDef[] = TENANTS): string {
  const parts: string[] = [BEGIN];
  for (const env of ENVIRONMENTS) {
    for (const b of [CONTROL_BLOCK, ...tenants.map(tenantBlock)]) parts.push(render(b, env));
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
