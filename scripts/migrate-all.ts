// Applies the committed migrations to every tenant database and the control
// database, by wrangler, in registry order. Usage:
//   node scripts/migrate-all.ts [--remote] [--env production] [--persist-to DIR]
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { TENANTS } from '../packages/tenancy/src/registry.ts';

const { values } = parseArgs({
  options: {
    remote: { type: 'boolean', default: false },
    env: { type: 'string' },
    'persist-to': { type: 'string' },
  },
});

const wrangler = new URL('../node_modules/.bin/wrangler', import.meta.url).pathname;

function migrate(t: (typeof TENANTS)[number]): Promise<void> {
  const args = ['d1', 'migrations', 'apply', t.binding, values.remote ? '--remote' : '--local'];
  if (values.env) args.push('--env', values.env);
  if (values['persist-to']) args.push('--persist-to', values['persist-to']);
  return new Promise((resolve, reject) => {
    // CI=true: `migrations apply` otherwise stops at a Y/n prompt on a terminal.
    const child = spawn(wrangler, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => {
      if (code !== 0) {
        process.stderr.write(out);
        reject(new Error(`迁移失败：${t.name}（${t.binding}）`));
        return;
      }
      const applied = (out.match(/✅/g) ?? []).length;
      console.log(`migrated ${t.slug.padEnd(12)} ${t.binding.padEnd(16)} ${applied ? `${applied} applied` : 'up to date'}`);
      resolve();
    });
  });
}

// Each wrangler start costs seconds of CPU; a few at a time use both cores without thrashing.
const queue = [...TENANTS];
const workers = Array.from({ length: 3 }, async () => {
  for (let t = queue.shift(); t; t = queue.shift()) await migrate(t);
});
try {
  await Promise.all(workers);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
