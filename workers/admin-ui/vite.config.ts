import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The worker serves dist/ as static assets with SPA fallback (wrangler.toml),
// so the app lives at the site root and calls /api on the same origin.
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd's core (form, table, layout) is one unavoidable ~1 MB chunk; pages are split off.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `vite dev` against a locally running `pnpm start` / `pnpm dev`.
    proxy: { '/api': process.env.RONGHE_API ?? 'http://127.0.0.1:8787' },
  },
});
