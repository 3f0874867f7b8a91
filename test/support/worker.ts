import { env, exports } from 'cloudflare:workers';

/** The deployable under test, as a fetcher (the same object `wrangler dev` serves). */
export const worker = (exports as unknown as { default: { fetch(req: Request): Promise<Response> } }).default;

/** Bindings by name: tenant databases are looked up from the registry. */
export const bindings = env as unknown as Record<string, D1Database>;
