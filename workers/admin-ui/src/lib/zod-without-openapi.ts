// What the browser gets for `@hono/zod-openapi` (aliased in vite.config.ts).
// The shared schemas (@ronghe/schema) import `z` from @hono/zod-openapi so the
// server can describe them in /openapi.json with `.openapi(...)`. The browser
// only validates forms with them: it needs plain zod, with `.openapi(...)`
// answering the schema itself. The real package would also ship
// zod-to-openapi and, because it hands the whole `z` namespace to that
// extension, every zod locale and the JSON-schema converters (docs/adr/0031).
import { z } from 'zod';

const proto = z.ZodType.prototype as { openapi?: unknown };
proto.openapi ??= function openapi(this: unknown) {
  return this;
};

// The shared schemas carry Chinese messages for their own rules; this covers zod's built-in ones.
// Set here, where the browser first meets zod (every shared schema imports this module), so that
// zod is not in the first page's JavaScript: no page draws a form before its schemas arrive.
z.config(z.locales.zhCN());

export { z };
