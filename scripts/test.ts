// The full test suite, as README's second command runs it: type check, then
// every vitest project (unit in Node, workers in workerd against the real
// migrations, e2e in Debian's Chromium against the running system).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { E2E_LANES } from '../test/e2e/lanes.ts';
import { installBrowserPackages } from './lib/browser-packages.ts';

const bin = (name: string) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;

let server: ChildProcess | null = null;

/** Ends the background e2e server's whole process group (node, wrangler, workerd). */
function stopServer(): void {
  if (!server?.pid || server.exitCode !== null) return;
  for (const sig of ['SIGTERM', 'SIGKILL'] as const) {
    try {
      process.kill(-server.pid, sig);
    } catch {
      // already gone
    }
    if (sig === 'SIGTERM') spawnSync('sleep', ['3']);
  }
}

/** Runs one lane of the browser stories, each output line prefixed with the lane's name; resolves to its exit code. */
function runLane(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) console.log(`[${name}] ${line}`);
      });
      stream.on('end', () => rest && console.log(`[${name}] ${rest}`));
    }
    child.on('close', (code) => resolve(code ?? 1));
  });
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) {
    stopServer();
    process.exit(r.status ?? 1);
  }
}

// Browser tests need Debian's Chromium and a Chinese font: installed when we can (root, apt).
const stillMissing = installBrowserPackages();
if (stillMissing.length) console.log(`浏览器测试需要 Debian 软件包：${stillMissing.join('、')}（apt-get install -y ${stillMissing.join(' ')}）`);

const extra = process.argv.slice(2);
const env = { ...process.env, CI: 'true' };
const whole = !extra.some((a) => a.startsWith('--project'));

// The browser tests' server (UI build, migrations, demo seed: about two minutes)
// boots in the background while the type checks and the workers tests run: tsc
// is single-threaded, so on two cores the boot mostly uses the idle one. The
// browser tests themselves still run after the rest, not beside it.
const BOOT_LOG = new URL('../.wrangler/e2e-boot.log', import.meta.url).pathname;
const SERVER_LOG = new URL('../.wrangler/e2e-server.log', import.meta.url).pathname;
const tailOf = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').slice(-30).join('\n') : '');
if (whole) {
  mkdirSync(new URL('../.wrangler/', import.meta.url).pathname, { recursive: true });
  const log = openSync(BOOT_LOG, 'w');
  server = spawn(bin('node'), ['test/e2e/serve.ts'], { detached: true, stdio: ['ignore', log, log], env: { ...process.env, CI: 'true' } });
  process.on('exit', stopServer);
}
// Three type-check projects: workers and packages (workerd types), the admin UI (DOM), the browser tests (Node + DOM).
for (const project of ['tsconfig.json', 'workers/admin-ui/tsconfig.json', 'test/e2e/tsconfig.json']) {
  run(bin('tsc'), ['-p', project, '--noEmit']);
}
if (!whole) {
  run(bin('vitest'), ['run', ...extra], env);
} else {
  // vitest's default is one worker fewer than the cores: one file at a time on two cores. Each workers file
  // runs in its own workerd, which leaves the other core mostly idle once the server has booted; two at once
  // finish sooner (measured: the unit+workers run in about 620 s with two, on a loaded machine).
  const workers = Math.max(2, availableParallelism() - 1);
  run(bin('vitest'), ['run', '--project', 'unit', '--project', 'demo-data', '--project', 'workers', `--maxWorkers=${workers}`, ...extra], env);
  // The server has had the whole workers run to boot; wait for the rest of it here, where a failed boot can be reported.
  const health = `http://127.0.0.1:${process.env.E2E_PORT ?? 8799}/healthz`;
  const up = () => fetch(health, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false);
  const deadline = Date.now() + Number(process.env.E2E_BOOT_TIMEOUT_MS ?? 600_000);
  while (!(await up())) {
    if (server!.exitCode !== null || Date.now() > deadline) {
      console.error(`浏览器测试的服务未能启动（${server!.exitCode !== null ? `退出码 ${server!.exitCode}` : '超时'}）：\n${tailOf(BOOT_LOG)}\n${tailOf(SERVER_LOG)}`);
      stopServer();
      process.exit(1);
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
  // The stories in two lanes at once against the one server (test/e2e/lanes.ts says why and which).
  const codes = await Promise.all(
    E2E_LANES.map((files, i) => runLane(`e2e ${i + 1}`, bin('vitest'), ['run', '--project', 'e2e', ...files, ...extra], { ...env, E2E_SERVER_BOOTING: '1' })),
  );
  stopServer();
  const failed = codes.find((c) => c !== 0);
  if (failed !== undefined) process.exit(failed);
}
