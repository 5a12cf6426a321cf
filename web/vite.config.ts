// Vite builds the dashboard into dist/ (served by `dyad serve` at /);
// Vitest runs two projects: `unit` (pure functions, no browser) and `e2e`
// (playwright-core + Debian chromium against a real `dyad serve`).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        // Keep the graph and chart libraries out of the main chunk.
        manualChunks: { cytoscape: ['cytoscape'], uplot: ['uplot'] },
      },
    },
  },
  server: {
    // `npm run dev` proxies the API to a running `dyad serve`.
    proxy: { '/api': process.env.DYAD_API ?? 'http://127.0.0.1:8080' },
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
