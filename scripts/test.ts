// The full test suite, as README's second command runs it: type check, then
// every vitest project (unit in Node, workers in workerd against the real
// migrations, e2e in Debian's Chromium against the running system).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const bin = (name: string) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// Browser tests need Debian's Chromium; install it when we can (root, apt), never a browser download.
if (!existsSync('/usr/bin/chromium') && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log('安装浏览器测试所需的 Debian chromium …');
  run('bash', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null']);
}

// Three type-check projects: workers and packages (workerd types), the admin UI (DOM), the browser tests (Node + DOM).
for (const project of ['tsconfig.json', 'workers/admin-ui/tsconfig.json', 'test/e2e/tsconfig.json']) {
  run(bin('tsc'), ['-p', project, '--noEmit']);
}
const extra = process.argv.slice(2);
const env = { ...process.env, CI: 'true' };
if (extra.some((a) => a.startsWith('--project'))) {
  run(bin('vitest'), ['run', ...extra], env);
} else {
  // The browser tests start the whole system; on two cores they run after the rest, not beside it.
  run(bin('vitest'), ['run', '--project', 'unit', '--project', 'workers', ...extra], env);
  run(bin('vitest'), ['run', '--project', 'e2e', ...extra], env);
}
