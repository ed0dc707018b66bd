import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The dashboard, built into dist/web, which the gateway serves at `/`. */
export default defineConfig({
  root: fileURLToPath(new URL('apps/web', import.meta.url)),
  base: '/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('dist/web', import.meta.url)),
    emptyOutDir: true,
    // Budget (issue 8): 300 KB of gzipped JavaScript; see docs/architecture.md for the figure.
    chunkSizeWarningLimit: 400,
  },
});
