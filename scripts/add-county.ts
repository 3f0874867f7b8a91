// Adds a county (旗县区) tenant: registers it in the tenant registry, writes its
// D1 binding into wrangler.toml for every environment, creates its local
// database and applies the migrations.
//   node scripts/add-county.ts --slug xinxian --code 150499 --name 新县 [--skip-migrate] [--root DIR]
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { TENANTS, type TenantDef } from '../packages/tenancy/src/registry.ts';
import { replaceD1Section } from './lib/wrangler-d1.ts';

const { values } = parseArgs({
  options: {
    slug: { type: 'string' },
    code: { type: 'string' },
    name: { type: 'string' },
    'skip-migrate': { type: 'boolean', default: false },
    root: { type: 'string', default: new URL('..', import.meta.url).pathname },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const slug = values.slug ?? fail('缺少 --slug（小写拼音，如 xinxian）');
const code = values.code ?? fail('缺少 --code（6 位行政区划代码）');
const name = values.name ?? fail('缺少 --name（如 新县）');
if (!/^[a-z]{2,30}$/.test(slug)) fail('--slug 只能是 2–30 个小写字母');
if (!/^\d{6}$/.test(code)) fail('--code 须为 6 位数字');
if (TENANTS.some((t) => t.slug === slug || t.code === code)) fail(`已存在：${slug} / ${code}`);

const county: TenantDef = { slug, code, name, kind: 'county', binding: `DB_${slug.toUpperCase()}` };
const root = values.root!;

const registryPath = join(root, 'packages/tenancy/src/registry.ts');
const registry = readFileSync(registryPath, 'utf8');
const marker = '\n];\n\n/** Every tenant';
if (!registry.includes(marker)) fail('registry.ts: cannot find the end of COUNTIES');
const line = `  { slug: '${slug}', code: '${code}', name: '${name}', kind: 'county', binding: '${county.binding}' },`;
writeFileSync(registryPath, registry.replace(marker, `\n${line}${marker}`));

const tomlPath = join(root, 'wrangler.toml');
writeFileSync(tomlPath, replaceD1Section(readFileSync(tomlPath, 'utf8'), [...TENANTS, county]));
console.log(`registered ${name} (${slug}, ${code}) as ${county.binding}`);

if (!values['skip-migrate']) {
  const r = spawnSync(join(root, 'node_modules/.bin/wrangler'), ['d1', 'migrations', 'apply', county.binding, '--local'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CI: 'true' },
  });
  if (r.status !== 0) fail('迁移失败');
}
