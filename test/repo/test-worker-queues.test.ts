import { unstable_getMiniflareWorkerOptions } from 'wrangler';
import { describe, expect, it } from 'vitest';
import { testWorkerOptions } from '../support/test-worker-options.ts';

// The workers tests run one workerd per test worker across many files (ADR 0035). A queue consumer
// there delivered an event that one file sent into the next file's fresh databases, about a second
// later; so the test worker sends events but never consumes them itself.
describe('the workers tests’ worker', () => {
  const deployed = unstable_getMiniflareWorkerOptions('./wrangler.toml');
  const tested = testWorkerOptions();

  it('consumes no queue, while the deployed worker consumes the events queue and its dead letters', () => {
    expect(Object.keys(deployed.workerOptions.queueConsumers ?? {}).sort()).toEqual(['ronghe-events', 'ronghe-events-dlq']);
    expect('queueConsumers' in tested.miniflare).toBe(false);
  });

  it('still has every other binding wrangler.toml declares: the producer, the databases, the bucket', () => {
    expect(tested.main).toBe(deployed.main);
    expect(tested.miniflare.queueProducers).toEqual({ EVENTS: { queueName: 'ronghe-events' } });
    expect(Object.keys(tested.d1Databases).sort()).toEqual(Object.keys(deployed.workerOptions.d1Databases ?? {}).sort());
    expect(Object.keys(tested.d1Databases)).toContain('DB_CONTROL');
    expect(tested.miniflare.r2Buckets).toEqual(deployed.workerOptions.r2Buckets);
    expect(tested.miniflare.compatibilityDate).toBe(deployed.workerOptions.compatibilityDate);
  });
});
