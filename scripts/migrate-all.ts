// Applies the committed migrations to every tenant database and the control
// database, by wrangler, in registry order. Usage:
//   node scripts/migrate-all.ts [--remote] [--env production] [--persist-to DIR]
import { parseArgs } from 'node:util';
import { TENANTS } from '../packages/tenancy/src/registry.ts';
import { applyMigrations } from './lib/local-platform.ts';

const { values } = parseArgs({
  options: {
    remote: { type: 'boolean', default: false },
    env: { type: 'string' },
    'persist-to': { type: 'string' },
  },
});

try {
  await applyMigrations(TENANTS, values['persist-to'], { remote: values.remote, env: values.env });
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
