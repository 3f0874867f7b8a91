import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_URL, ROOT } from './env.ts';

// `pnpm example:resident` (packages/client/examples/resident.ts, ADR 0030)
// against the e2e server: a resident's need submitted through the typed
// client reaches 已满足 through the county's staff, and the example's own
// receiver verifies the signed webhook deliveries. The example decides
// success itself (exit 0); this checks what it printed on the way.

function runExample(): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/node'), ['packages/client/examples/resident.ts'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production', RONGHE_BASE_URL: BASE_URL },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('pnpm example:resident', () => {
  it('submits a 群众点单 need, follows it to 已满足 and verifies signed webhook deliveries', async () => {
    const { code, out } = await runExample();
    expect(code, out).toBe(0);
    const lines = out.split('\n');
    // The app followed each step through the client, in order.
    const progress = lines.filter((l) => l.startsWith('[居民小程序] 查询进度：')).map((l) => l.slice('[居民小程序] 查询进度：'.length));
    expect(progress).toEqual(['已受理，等待对接', '已匹配资源', '项目实施中', '已满足']);
    expect(out).toContain('Idempotency-Replayed: true');
    expect(out).toMatch(/联系电话显示为 139\*\*\*\*1111/);
    expect(out).toContain('[旗县区工作人员（管理接口）] 验收通过');
    expect(out).toMatch(/\[回调\] 收到 need\.created（evt_[0-9a-z]+）：签名验证通过/);
    expect(out).not.toContain('签名验证失败');
    expect(lines.some((l) => /^\[完成\] 需求 ned_[0-9a-z]+ 已满足；/.test(l))).toBe(true);
  }, 150_000);
});
