// The data move of ADR 0013 on its own: the city tenant's rows leave the
// control database for the city's own (DB_CHIFENG). Locally `pnpm db:migrate`
// and `pnpm start` already run it when they find the old layout; this is the
// production step of the runbook in docs/adr/0013-city-database.md.
//   node scripts/move-city.ts [--persist-to DIR]           local state
//   node scripts/move-city.ts --remote --env production     Cloudflare (after the backup steps of the runbook)
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'smol-toml';
import { controlHoldsCity, moveCityOutOfControl } from '../packages/tenancy/src/move-city-database.ts';
import { CITY, CONTROL } from '../packages/tenancy/src/registry.ts';
import { applyMigrations, moveCityOutOfControlIfNeeded, ROOT, WRANGLER_CONFIG } from './lib/local-platform.ts';
import { MIGRATIONS_DIR } from './lib/wrangler-d1.ts';

const { values } = parseArgs({
  options: {
    remote: { type: 'boolean', default: false },
    env: { type: 'string' },
    'persist-to': { type: 'string' },
  },
});

type D1Block = { binding: string; database_name: string; database_id: string };

/** A config naming only the two databases, marked remote, so the platform proxy talks to Cloudflare. */
function remoteConfig(env: string): string {
  const cfg = parse(readFileSync(WRANGLER_CONFIG, 'utf8')) as { env?: Record<string, { d1_databases?: D1Block[] }> };
  const blocks = (cfg.env?.[env]?.d1_databases ?? []).filter((d) => d.binding === CONTROL.binding || d.binding === CITY.binding);
  if (blocks.length !== 2) throw new Error(`wrangler.toml 的 env.${env} 中缺少 ${CONTROL.binding} 或 ${CITY.binding}`);
  const toml = [
    'name = "ronghe-move-city"',
    'compatibility_date = "2026-11-01"',
    ...blocks.map((d) => `[[d1_databases]]\nbinding = "${d.binding}"\ndatabase_name = "${d.database_name}"\ndatabase_id = "${d.database_id}"\nremote = true`),
  ].join('\n\n');
  mkdirSync(resolve(ROOT, '.wrangler'), { recursive: true });
  const path = resolve(ROOT, `.wrangler/move-city.${env}.toml`);
  writeFileSync(path, `${toml}\n`);
  return path;
}

try {
  if (!values.remote) {
    const moved = await moveCityOutOfControlIfNeeded(values['persist-to']);
    if (!moved) console.log('控制库已是新布局，无需搬迁');
  } else {
    const env = values.env ?? 'production';
    // The city's database first gets the tenant tables (wrangler d1 migrations apply DB_CHIFENG --remote).
    await applyMigrations([CITY], undefined, { remote: true, env });
    const { getPlatformProxy } = await import('wrangler');
    const proxy = await getPlatformProxy<Record<string, D1Database>>({ configPath: remoteConfig(env), remoteBindings: true, persist: false, envFiles: [] });
    try {
      const control = proxy.env[CONTROL.binding]!;
      if (!(await controlHoldsCity(control))) {
        console.log('远程控制库已是新布局，无需搬迁');
      } else {
        const controlMigrations = readdirSync(resolve(ROOT, MIGRATIONS_DIR.control)).filter((f) => f.endsWith('.sql')).sort();
        const report = await moveCityOutOfControl({ control, city: proxy.env[CITY.binding]!, controlMigrations });
        for (const [table, n] of Object.entries(report.rows)) console.log(`  ${table}: ${n} 行`);
        console.log(`已搬迁；控制库删除了 ${report.dropped.length} 张租户表`);
      }
    } finally {
      await proxy.dispose();
    }
  }
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
