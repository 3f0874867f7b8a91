// Builds the UI benchmark's reference page (main.tsx beside this file) for bench/ui.ts:
//   vite build --config reference/vite.config.ts --outDir <dir>
// With UI_REFERENCE=plain, the page without a component library instead (plain/main.tsx).
// Base `/` and one entry, index.html; the bench serves the files from disk for any path.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL(process.env.UI_REFERENCE === 'plain' ? './plain/' : '.', import.meta.url)),
  base: '/',
  plugins: [react()],
  // One file on purpose: the plainest build, as a developer would first ship it.
  build: { emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
