import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { EARLY_PAGE_MODULES, EARLY_READ_ACTIONS, EARLY_READS } from './src/early-reads.ts';

/**
 * /docs renders the OpenAPI document with Scalar's reference UI; its bundle is
 * served from our own assets rather than a CDN (government networks are often
 * closed). The package exports no path to that bundle, so it is copied by file.
 */
function vendorApiReference(): Plugin {
  return {
    name: 'ronghe-vendor-api-reference',
    apply: 'build',
    closeBundle() {
      const pkg = realpathSync(join(import.meta.dirname, 'node_modules/@scalar/api-reference'));
      const target = join(import.meta.dirname, 'dist/vendor/scalar/standalone.js');
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(pkg, 'dist/browser/standalone.js'), target);
    },
  };
}

/**
 * react-router's package sends every bundler to its development build, warnings on
 * (remix-run/react-router#14102); the build takes the production build beside it, the same code
 * with its development warnings off. `vite dev` keeps the warnings.
 */
function reactRouterProduction(): Plugin {
  return {
    name: 'ronghe-react-router-production',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source !== 'react-router' && source !== 'react-router/dom') return undefined;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved) return undefined;
      const production = resolved.id.replace(/([\\/])dist\1development\1/, '$1dist$1production$1');
      if (production === resolved.id) return resolved;
      if (!existsSync(production)) throw new Error(`reactRouterProduction: ${production} is missing (react-router's layout changed)`);
      return production;
    },
  };
}

/**
 * The app's modules that pages share go to one `app` file, except those that statically reach zod
 * (the shared schemas, for forms): evaluating zod and the schemas costs ~60 ms, which a page
 * without a form should not pay. Which modules reach it is known once the module graph is built
 * (`buildEnd`), before rolldown forms chunks and calls the group's `test`.
 */
function sharedAppCode(): { plugin: Plugin; test: (id: string) => boolean; antdTest: (id: string) => boolean } {
  const app = /[\\/]admin-ui[\\/]src[\\/]|[\\/]schema[\\/]enums\.ts$/;
  const zod = /[\\/]node_modules[\\/](zod|@hono[\\/]zod-openapi)[\\/]/;
  const antd = /[\\/]node_modules[\\/]antd[\\/]/;
  // Every module from which a chain of static imports leads to zod (or antd): walked backwards from
  // its own modules through their importers (exact through import cycles; dynamic imports do not count).
  const reachingZod = new Set<string>();
  const reachingAntd = new Set<string>();
  const plugin: Plugin = {
    name: 'ronghe-shared-app-code',
    apply: 'build',
    buildEnd() {
      for (const [target, reaching] of [[zod, reachingZod], [antd, reachingAntd]] as const) {
        reaching.clear();
        const stack = [...this.getModuleIds()].filter((id) => target.test(id));
        while (stack.length) {
          for (const importer of this.getModuleInfo(stack.pop()!)?.importers ?? []) {
            if (reaching.has(importer)) continue;
            reaching.add(importer);
            stack.push(importer);
          }
        }
      }
    },
  };
  return {
    plugin,
    // Shared code a page drawn without antd may import (src/light/): it must not pull antd's file in.
    test: (id) => app.test(id) && !reachingZod.has(id) && !reachingAntd.has(id),
    antdTest: (id) => app.test(id) && !reachingZod.has(id) && reachingAntd.has(id),
  };
}
const shared = sharedAppCode();

/**
 * antd's styles as static stylesheets built from the app's theme (docs/adr/0031), so the browser runs
 * antd in zero-runtime mode and generates, hashes and inserts no style while drawing a page. Two of
 * them (tenth session): `virtual:antd-style.css`, imported by main.tsx, holds the components a page's
 * first draw uses (src/ant/antd-stylesheets.ts FIRST_DRAW_COMPONENTS) and is all the first paint
 * waits for; every other component's rules are a file of their own, named in index.html
 * (`<meta name="ronghe-antd-stylesheet">`) for lib/ant-stylesheet.ts to load with antd's code. Under
 * `vite dev` the first stylesheet holds everything and there is no second one.
 */
function antdStylesheets(): Plugin {
  const css = 'virtual:antd-style.css';
  const restName = 'antd-rest.css';
  let building = false;
  // The extractor renders antd on the server: loaded only when a stylesheet is asked for, and once a build.
  const module = () => import('./src/ant/antd-stylesheets.ts');
  let sheets: Promise<{ first: string; rest: string }> | undefined;
  const both = () => (sheets ??= module().then((m) => m.antdStylesheets()));
  return {
    name: 'ronghe-antd-stylesheets',
    configResolved(config) {
      building = config.command === 'build';
    },
    // The CSS keeps its plain id, which vite's CSS pipeline picks up by its extension.
    resolveId: (source) => (source === css ? css : undefined),
    load: async (id) => (id !== css ? undefined : building ? (await both()).first : (await module()).allAntdCss()),
    async buildStart() {
      sheets = undefined;
      if (building) this.emitFile({ type: 'asset', name: restName, source: (await both()).rest });
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle) return [];
        const rest = Object.values(ctx.bundle).find((o) => o.type === 'asset' && o.names.includes(restName));
        if (!rest) throw new Error(`antdStylesheets: no ${restName} in the bundle`);
        return [{ tag: 'meta', attrs: { name: 'ronghe-antd-stylesheet', content: `/${rest.fileName}` }, injectTo: 'head' }];
      },
    },
  };
}

/**
 * src/early-session.js inline in index.html, where `<script src="/early-session.js" async>` stands
 * (docs/adr/0031, tenth session): the session's reads and the opened page's files start while the
 * page is parsed, not after a request for the script has come back. It stands before the
 * stylesheet's link, so it does not wait for the stylesheet either. The built `_headers` allows it by
 * its hash (CSP `script-src 'self' 'sha256-…'`); test/e2e/ui-first-load-size.test.ts checks the two
 * agree.
 */
function earlySessionInline(): Plugin {
  const tag = '<script src="/early-session.js" async></script>';
  let hash: string | undefined;
  let outDir = '';
  return {
    name: 'ronghe-early-session-inline',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (html.split(tag).length !== 2) throw new Error(`earlySessionInline: index.html must hold ${tag} once`);
        const code = readFileSync(join(import.meta.dirname, 'src/early-session.js'), 'utf8');
        hash = createHash('sha256').update(code).digest('base64');
        return html.replace(tag, () => `<script>${code}</script>`);
      },
    },
    closeBundle() {
      if (!hash) return;
      const file = join(outDir, '_headers');
      const headers = readFileSync(file, 'utf8');
      const before = "script-src 'self';";
      if (headers.split(before).length !== 2) throw new Error(`earlySessionInline: ${file} must hold "${before}" once`);
      writeFileSync(file, headers.replace(before, `script-src 'self' 'sha256-${hash}';`));
    },
  };
}

/** What the preload list reads of an output chunk. */
interface Chunk {
  fileName: string;
  imports: string[];
  isEntry: boolean;
  facadeModuleId: string | null;
}

/**
 * The files a signed-in visitor needs beyond the first load: the sidebar layout's chunk and what it
 * imports (antd, the app's shared code). index.html lists them in a JSON block that
 * src/early-session.js turns into `<link rel="modulepreload">` when a session token exists, so a
 * reload or a bookmark fetches them beside the entry instead of after it has run; a first visit (the
 * login page) fetches nothing more than before (docs/adr/0031).
 */
function signedInPreload(): Plugin {
  return {
    name: 'ronghe-signed-in-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = new Map(Object.values(ctx.bundle ?? {}).flatMap((o) => (o.type === 'chunk' ? [[o.fileName, o as Chunk] as const] : [])));
        const closure = (from: Chunk | undefined, into = new Set<string>()) => {
          if (!from || into.has(from.fileName)) return into;
          into.add(from.fileName);
          for (const name of from.imports) closure(chunks.get(name), into);
          return into;
        };
        const entry = [...chunks.values()].find((c) => c.isEntry);
        const layout = [...chunks.values()].find((c) => c.facadeModuleId?.endsWith('/src/layout/AppLayout.tsx'));
        if (!entry || !layout) throw new Error('signedInPreload: no entry or no layout chunk in the bundle');
        const first = closure(entry);
        const withLayout = closure(layout, new Set(first));
        const files = [...withLayout].filter((f) => !first.has(f)).map((f) => `/${f}`);
        // Each main page's own files beyond the entry's and the layout's (src/early-reads.ts EARLY_PAGE_MODULES).
        const pageFiles = Object.fromEntries(
          Object.entries(EARLY_PAGE_MODULES).map(([page, module]) => {
            const chunk = [...chunks.values()].find((c) => c.facadeModuleId?.endsWith(`/src/${module}`));
            if (!chunk) throw new Error(`signedInPreload: no chunk for ${page}'s module ${module} (src/early-reads.ts)`);
            return [page, [...closure(chunk)].filter((f) => !withLayout.has(f)).map((f) => `/${f}`)];
          }),
        );
        return [
          { tag: 'script', attrs: { type: 'application/json', id: 'ronghe-signed-in' }, children: JSON.stringify(files), injectTo: 'head-prepend' },
          // And the files of the main page being opened.
          { tag: 'script', attrs: { type: 'application/json', id: 'ronghe-page-files' }, children: JSON.stringify(pageFiles), injectTo: 'head-prepend' },
          // The main pages' first reads, which early-session.js starts for the page being opened (src/early-reads.ts).
          { tag: 'script', attrs: { type: 'application/json', id: 'ronghe-early-reads' }, children: JSON.stringify(EARLY_READS), injectTo: 'head-prepend' },
          // Which of them some roles are refused, and the action each needs.
          { tag: 'script', attrs: { type: 'application/json', id: 'ronghe-early-read-actions' }, children: JSON.stringify(EARLY_READ_ACTIONS), injectTo: 'head-prepend' },
        ];
      },
    },
  };
}

// The worker serves dist/ as static assets with SPA fallback (wrangler.toml),
// so the app lives at the site root and calls /api on the same origin.
export default defineConfig({
  base: '/',
  plugins: [react(), reactRouterProduction(), vendorApiReference(), shared.plugin, antdStylesheets(), signedInPreload(), earlySessionInline()],
  resolve: {
    // The shared schemas' OpenAPI extension stays on the server: the browser gets plain zod (docs/adr/0031).
    alias: [{ find: /^@hono\/zod-openapi$/, replacement: fileURLToPath(new URL('./src/lib/zod-without-openapi.ts', import.meta.url)) }],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Few files, not many small ones (docs/adr/0031, 2026-12-06): a local server speaks HTTP/1.1, where a
    // browser opens six connections per host, and a page's reads queued behind some sixty chunk requests.
    // - react: its own file, it changes least, so browsers keep it cached;
    // - shell: everything the first page statically needs (rolldown's `$initial` tag) beside the entry;
    // - antd: every other piece of antd and its helpers, one file the layout's first page fetches once;
    // - icons: the icons not in the first load, which light pages draw without antd (src/light/);
    // - app: the app's modules that two or more pages share, less those that reach zod or antd
    //   (sharedAppCode); app-antd: those that reach antd, loaded with antd's islands;
    // - pages stay lazy (React.lazy), and the heavy, rarely drawn ones (ECharts, the shared zod schemas
    //   used by forms, the screen) keep their own files through rolldown's automatic splitting.
    rolldownOptions: {
      // @ronghe/schema also defines the database tables (drizzle); the browser uses none of them.
      // Declaring drizzle's table and column builders pure lets unused table definitions drop out.
      treeshake: { manualPureFunctions: ['sqliteTable', 'text', 'integer', 'real', 'index', 'uniqueIndex', 'primaryKey', 'check', 'sql'] },
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/, priority: 30 },
            { name: 'shell', tags: ['$initial'], test: (id: string) => !id.endsWith('/src/main.tsx'), priority: 20 },
            // Icons are drawn by the light pages and the layout too (src/light/): apart from antd's file.
            { name: 'icons', test: /node_modules[\\/]@ant-design[\\/](icons|icons-svg)[\\/]/, priority: 12 },
            { name: 'antd', test: /node_modules[\\/](antd|@rc-component|@ant-design|rc-[a-z-]+|dayjs|@babel[\\/]runtime|clsx|classnames|throttle-debounce|compute-scroll-into-view|scroll-into-view-if-needed|stylis|@emotion[\\/]hash|@emotion[\\/]unitless|is-mobile|json2mq|string-convert|toggle-selection|copy-to-clipboard)[\\/]/, priority: 10 },
            { name: 'app', test: shared.test, minShareCount: 2, priority: 5 },
            { name: 'app-antd', test: shared.antdTest, minShareCount: 2, priority: 4 },
          ],
        },
      },
    },
    chunkSizeWarningLimit: 1000,
  },
  server: {
    // `vite dev` against a locally running `pnpm start` / `pnpm dev`.
    proxy: { '/api': process.env.RONGHE_API ?? 'http://127.0.0.1:8787' },
  },
});
