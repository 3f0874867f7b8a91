export interface LoadResult {
  name: string;
  requests: number;
  concurrency: number;
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** CPU time the measured server spent per counted request (ms), when the caller can read it. */
  cpuMs?: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/**
 * A bounded closed loop: `concurrency` clients each send their next request
 * when the previous answer is fully read, until `requests` are done. The
 * first `warmup` requests are sent the same way and not counted.
 */
export async function measure(
  name: string,
  send: () => Promise<Response>,
  opts: { requests: number; concurrency: number; warmup: number; cpu?: () => number },
): Promise<LoadResult> {
  const run = async (total: number, record: boolean) => {
    const latencies: number[] = [];
    let next = 0;
    let errors = 0;
    let firstError: string | undefined;
    const client = async () => {
      while (next < total) {
        next++;
        const t = performance.now();
        try {
          const res = await send();
          const body = await res.arrayBuffer();
          if (!res.ok) {
            errors++;
            firstError ??= `HTTP ${res.status} ${new TextDecoder().decode(body).slice(0, 300)}`;
          }
        } catch (err) {
          errors++;
          firstError ??= String(err);
        }
        if (record) latencies.push(performance.now() - t);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: opts.concurrency }, client));
    return { latencies, errors, firstError, wall: performance.now() - started };
  };
  const warm = await run(opts.warmup, false);
  if (warm.errors === opts.warmup && opts.warmup > 0) throw new Error(`${name}：预热请求全部失败：${warm.firstError}`);
  // CPU time, unlike throughput, hardly moves with what else the machine runs: the figure to compare under load.
  const cpu0 = opts.cpu?.();
  const { latencies, errors, firstError, wall } = await run(opts.requests, true);
  const cpu1 = opts.cpu?.();
  if (errors) console.warn(`⚠ ${name}：${errors} 个请求失败，首个：${firstError}`);
  latencies.sort((a, b) => a - b);
  return {
    name,
    requests: opts.requests,
    concurrency: opts.concurrency,
    errors,
    rps: opts.requests / (wall / 1000),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    ...(cpu0 !== undefined && cpu1 !== undefined ? { cpuMs: (cpu1 - cpu0) / opts.requests } : {}),
  };
}
