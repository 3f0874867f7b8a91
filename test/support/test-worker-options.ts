import { unstable_getMiniflareWorkerOptions } from 'wrangler';

/**
 * wrangler.toml's worker as the workers tests run it: every binding, the producer of `EVENTS`
 * included, but no queue consumer. Under one workerd per test worker (ADR 0035) a consumer would
 * deliver an event one file sent into the next file's fresh databases about a second later; the tests
 * consume events by hand instead, when and where they mean to.
 *
 * Given to the vitest plugin as `main` and `miniflare` instead of `wrangler.configPath`: the plugin
 * merges its `miniflare` options over wrangler's, and a merge can add a consumer but never remove one.
 */
export function testWorkerOptions(configPath = './wrangler.toml') {
  const { workerOptions, main } = unstable_getMiniflareWorkerOptions(configPath);
  // Module rules go to the plugin's own option (it adds its defaults); `rootPath` is the config's folder.
  const { queueConsumers: _consumers, modulesRules, bindings, d1Databases, ...miniflare } = workerOptions;
  if (main === undefined) throw new Error(`${configPath} names no main module`);
  return {
    main,
    moduleRules: modulesRules,
    miniflare,
    // Spelled out: the test project adds its own beside these.
    bindings: { ...(bindings as Record<string, unknown> | undefined) },
    d1Databases: { ...(d1Databases as Record<string, string | { id: string }> | undefined) },
  };
}
