import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';

/** A port nothing listens on right now, chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => done(port));
    });
  });
}

/** Whether something already accepts connections on the port. */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

export interface Server {
  name: string;
  url: string;
  stop(): Promise<void>;
  /**
   * CPU time (user + system, ms) used so far by every process of the server's
   * process group (wrangler, its proxy and workerd); NaN where /proc is absent.
   * On a machine shared with other work, CPU per request is the figure that
   * load does not distort, where throughput is.
   */
  cpuMs(): number;
  /** wrangler's inspector port: Chrome DevTools protocol of the worker (`/json` lists its targets; bench/overhead-profile.ts). */
  inspectorPort: number;
}

let ticksPerSecond: number | undefined;

/** CPU time of every live process whose process group is `pgid`, from /proc (Linux). */
export function groupCpuMs(pgid: number): number {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return NaN;
  }
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  let ticks = 0;
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // The command name is in parentheses and may hold spaces: fields are counted after its closing one.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // f[0] is field 3 (state): pgrp is field 5, utime 14, stime 15.
    if (Number(f[2]) !== pgid) continue;
    ticks += Number(f[11]) + Number(f[12]);
  }
  return (ticks * 1000) / ticksPerSecond;
}

/**
 * `wrangler dev` in its own process group (so stopping reaches workerd), with
 * its output in a log file so it does not interleave with the results.
 */
export async function startWrangler(opts: {
  name: string;
  root: string;
  config: string;
  port: number;
  persistTo: string;
  logDir: string;
}): Promise<Server> {
  // Another server on the port would answer our health checks and be measured in our place.
  if (await portInUse(opts.port)) throw new Error(`端口 ${opts.port} 已被占用（另一个服务在运行），请换一个端口`);
  mkdirSync(opts.logDir, { recursive: true });
  const logFile = join(opts.logDir, `${opts.name}.log`);
  const log = openSync(logFile, 'w');
  const cli = join(opts.root, 'node_modules/wrangler/wrangler-dist/cli.js');
  const args = ['--no-warnings', cli, 'dev', '--config', opts.config, '--ip', '127.0.0.1', '--port', String(opts.port)];
  args.push('--persist-to', opts.persistTo, '--log-level', 'warn');
  // Two wranglers starting together otherwise probe for the same inspector port and one of them loses.
  const inspectorPort = await freePort();
  args.push('--inspector-port', String(inspectorPort));
  const child = spawn(process.execPath, args, {
    cwd: opts.root,
    env: { ...process.env, CI: 'true' },
    stdio: ['ignore', log, log],
    detached: true,
  });
  const url = `http://127.0.0.1:${opts.port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // gone
      }
    }, 8000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${opts.name} 启动失败，见 ${logFile}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return { name: opts.name, url, stop, cpuMs: () => groupCpuMs(child.pid!), inspectorPort };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  throw new Error(`${opts.name} 在 180 秒内未就绪，见 ${logFile}`);
}
