import { copyFileSync, mkdirSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

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

// The worker serves dist/ as static assets with SPA fallback (wrangler.toml),
// so the app lives at the site root and calls /api on the same origin.
export default defineConfig({
  base: '/',
  plugins: [react(), vendorApiReference()],
  resolve: {
    // The shared schemas' OpenAPI extension stays on the server: the browser gets plain zod (docs/adr/0031).
    alias: [{ find: /^@hono\/zod-openapi$/, replacement: fileURLToPath(new URL('./src/lib/zod-without-openapi.ts', import.meta.url)) }],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Few files, not many small ones (docs/adr/0031, 2026-12-05): a local server speaks HTTP/1.1, where a
    // browser opens six connections per host, and a page's reads queued behind some sixty chunk requests.
    // - react: its own file, it changes least, so browsers keep it cached;
    // - shell: everything the first page statically needs (rolldown's `$initial` tag) beside the entry;
    // - antd: every other piece of antd and its helpers, one file the layout's first page fetches once;
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
            { name: 'antd', test: /node_modules[\\/](antd|@rc-component|@ant-design|rc-[a-z-]+|dayjs|@babel[\\/]runtime|clsx|classnames|throttle-debounce|compute-scroll-into-view|scroll-into-view-if-needed|stylis|@emotion[\\/]hash|@emotion[\\/]unitless|is-mobile|json2mq|string-convert|toggle-selection|copy-to-clipboard)[\\/]/, priority: 10 },
          ],
        },
      },
    },
    chunkSizeWarningLimit: 700,
  },
  server: {
    // `vite dev` against a locally running `pnpm start` / `pnpm dev`.
    proxy: { '/api': process.env.RONGHE_API ?? 'http://127.0.0.1:8787' },
  },
});
