import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const sharedDir = fileURLToPath(new URL('./shared', import.meta.url));

/** One alias for the wire contract, used by the client build, vitest and (through tsconfig paths) tsx. */
export default defineConfig({
  root: 'client',
  publicDir: false,
  resolve: {
    alias: [{ find: /^@shared(?=\/|$)/, replacement: sharedDir }],
  },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    // babylon-vrm-loader imports the whole @babylonjs/core barrel, so its lazy chunk is ~6.8 MB raw
    // (1.5 MB gzip); it is known and reported by bench/client-load.ts, so only warn beyond it.
    chunkSizeWarningLimit: 8192,
  },
  test: {
    root: '.',
    include: ['{server,shared,client,assets,scripts,test-support}/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', './test-support/summaryReporter.ts'],
  },
});
