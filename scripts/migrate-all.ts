// Applies the committed migrations to the control database and every tenant
// database (the city's included), by wrangler, in registry order: the control
// set to DB_CONTROL, the tenant set to each tenant (ADR 0013). Locally, a state
// from before ADR 0013 (the city inside the control database) is moved first.
// Usage:
//   node scripts/migrate-all.ts [--remote] [--env production] [--persist-to DIR]
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CONTROL } from '../packages/tenancy/src/registry.ts';
import { applyMigrations, DATABASES, moveCityOutOfControlIfNeeded, ROOT, WRANGLER_CONFIG } from './lib/local-platform.ts';

const { values } = parseArgs({
  options: {
    remote: { type: 'boolean', default: false },
    env: { type: 'string' },
    'persist-to': { type: 'string' },
  },
});

/** Whether the deployed control database still holds the city's tables (asked through wrangler, read-only). */
function remoteControlHoldsCity(): boolean {
  const args = ['d1', 'execute', CONTROL.binding, '--remote', '--json', '--config', WRANGLER_CONFIG, '--command', "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'organizations'"];
  if (values.env) args.push('--env', values.env);
  const r = spawnSync(resolve(ROOT, 'node_modules/.bin/wrangler'), args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  if (r.status !== 0) throw new Error(`无法查询远程控制库：\n${r.stderr}`);
  const [result] = JSON.parse(r.stdout) as Array<{ results: Array<{ n: number }> }>;
  return (result?.results[0]?.n ?? 0) > 0;
}

try {
  if (values.remote) {
    // The production move is a runbook with a backup, not a side effect of migrating.
    if (remoteControlHoldsCity()) throw new Error('远程控制库仍是旧布局（市本级数据在控制库中）：请按 docs/adr/0013-city-database.md 的操作手册先完成搬迁');
  } else {
    await moveCityOutOfControlIfNeeded(values['persist-to']);
  }
  await applyMigrations(DATABASES, values['persist-to'], { remote: values.remote, env: values.env });
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
