import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BASE_URL, PORT, ROOT } from './env.ts';

// The whole system as a user meets it: the built admin UI and the worker
// under `wrangler dev` (via scripts/start.ts, which migrates and seeds).
// Used by the e2e global setup, and by scripts/test.ts, which boots the
// server while the type checks and the workers tests run (test/e2e/serve.ts).

const UI = join(ROOT, 'workers/admin-ui');
export const LOG = join(ROOT, '.wrangler/e2e-server.log');
export const BOOT_TIMEOUT_MS = Number(process.env.E2E_BOOT_TIMEOUT_MS ?? 300_000);

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist' || entry === 'migrations') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Rebuilds the UI when its sources (or the shared schemas it bundles) are newer than dist/. */
export function buildUiIfNeeded(): void {
  const built = join(UI, 'dist/index.html');
  const builtAt = existsSync(built) && readFileSync(built, 'utf8').includes('/assets/') ? statSync(built).mtimeMs : 0;
  const sourcesAt = Math.max(
    newestMtime(join(UI, 'src')),
    newestMtime(join(UI, 'index.html')),
    newestMtime(join(UI, 'vite.config.ts')),
    newestMtime(join(UI, 'package.json')),
    newestMtime(join(ROOT, 'schema')),
  );
  if (builtAt > sourcesAt && !process.env.E2E_FORCE_BUILD) return;
  const vite = join(UI, 'node_modules/vite/bin/vite.js');
  // vitest sets NODE_ENV=test, which would make vite produce a development build of React and antd.
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: UI,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error(`admin UI build failed (exit ${r.status}); run: npx -y pnpm@10.34.9 --filter @ronghe/admin-ui build`);
}

/** The server runs as a developer would start it, not under vitest's NODE_ENV=test. */
function withoutTestEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_ENV;
  delete env.VITEST;
  return env;
}

export async function healthy(): Promise<boolean> {
  try {
    const res = await fetch(`${BASE_URL}/healthz`, { signal: AbortSignal.timeout(2_000) });
    return res.ok;
  } catch {
    return false;
  }
}

export function tail(path: string, lines = 40): string {
  try {
    return readFileSync(path, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Negative pid: the whole process group (node → wrangler → workerd).
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
  // wrangler's workerd can outlive its parent briefly; make sure the group is gone.
  signal('SIGKILL');
}

/**
 * Starts scripts/start.ts (migrate, seed, serve) on PORT with the e2e state
 * directory, logging to LOG. `detached` gives it its own process group, so
 * `stop` ends node, wrangler and workerd together.
 */
export function launch(detached: boolean): { child: ChildProcess; exited: () => number | null } {
  const start = join(ROOT, 'scripts/start.ts');
  if (!existsSync(start)) throw new Error('scripts/start.ts is missing: the e2e suite needs it to migrate, seed and run the worker');
  mkdirSync(join(ROOT, '.wrangler'), { recursive: true });
  const log = openSync(LOG, 'w');
  const node = join(ROOT, 'node_modules/.bin/node');
  const child = spawn(node, ['scripts/start.ts', '--port', String(PORT), '--persist-to', '.wrangler/e2e'], {
    cwd: ROOT,
    detached,
    stdio: ['ignore', log, log],
    env: { ...withoutTestEnv(), BROWSER: 'none', WRANGLER_SEND_METRICS: 'false', CI: '1' },
  });
  closeSync(log);
  let exit: number | null = null;
  child.once('exit', (code) => {
    exit = code ?? -1;
  });
  return { child, exited: () => exit };
}

/** Waits for /healthz; throws with the log's tail when the server exits or the deadline passes. */
export async function waitHealthy(exited: () => number | null = () => null, onTimeout: () => Promise<void> = async () => undefined): Promise<void> {
  const deadline = Date.now() + BOOT_TIMEOUT_MS;
  while (!(await healthy())) {
    const exit = exited();
    if (exit !== null) throw new Error(`scripts/start.ts exited with ${exit} before /healthz answered. Log (${LOG}):\n${tail(LOG)}`);
    if (Date.now() > deadline) {
      await onTimeout();
      throw new Error(`/healthz did not answer within ${BOOT_TIMEOUT_MS / 1000} s. Log (${LOG}):\n${tail(LOG)}`);
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
}
