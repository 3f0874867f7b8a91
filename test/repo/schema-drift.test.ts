import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;

// The committed migrations must be exactly what drizzle-kit generates from
// the drizzle tables: generating again into a copy adds nothing.
describe('schema drift', () => {
  for (const [kind, schema] of [
    ['tenant', ['./schema/tenant/index.ts']],
    ['control', ['./schema/tenant/index.ts', './schema/control/index.ts']],
  ] as const) {
    it(`${kind} migrations match the drizzle tables`, () => {
      // drizzle-kit wants an --out relative to the project.
      const out = `node_modules/.cache/ronghe-drift/${kind}`;
      rmSync(join(ROOT, out), { recursive: true, force: true });
      mkdirSync(join(ROOT, out), { recursive: true });
      cpSync(join(ROOT, 'schema/migrations', kind), join(ROOT, out), { recursive: true });
      const before = readdirSync(join(ROOT, out)).sort();
      // Same schema list as schema/drizzle.<kind>.config.ts, pointed at the copy.
      const config = `${out}.config.ts`;
      writeFileSync(join(ROOT, config), `export default ${JSON.stringify({ dialect: 'sqlite', schema, out, breakpoints: true })};\n`);
      const args = ['generate', '--config', config];
      const printed = execFileSync(join(ROOT, 'node_modules/.bin/drizzle-kit'), args, {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, CI: 'true' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      expect(printed).toMatch(/No schema changes/);
      expect(readdirSync(join(ROOT, out)).sort(), `drizzle-kit generated a migration: run \`pnpm db:generate\` and commit it\n${printed}`).toEqual(before);
    }, 60_000);
  }
});
