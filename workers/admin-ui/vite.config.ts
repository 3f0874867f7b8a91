import { copyFileSync, mkdirSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Pages load on demand (React.lazy) and rolldown splits antd by page.
    // React gets its own file: it changes least, so browsers keep it cached.
    rolldownOptions: {
      output: {
        advancedChunks: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/ }],
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
