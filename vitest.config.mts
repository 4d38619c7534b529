import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// Three projects, one per process: main and preload run in Node, the renderer in happy-dom.
// The pool stays `forks` (the default): the native `cap` module crashes Node in `threads`.
export default defineConfig({
  test: {
    pool: 'forks',
    projects: [
      {
        test: {
          name: 'main',
          environment: 'node',
          include: ['test/unit/main/**/*.test.ts', 'test/unit/fixtures/**/*.test.ts', 'test/conformance/**/*.test.ts', 'test/property/**/*.test.ts', 'test/fuzz/**/*.test.ts', 'test/security/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'preload',
          environment: 'node',
          include: ['test/unit/preload/**/*.test.ts'],
        },
      },
      {
        plugins: [vue()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['test/unit/renderer/**/*.test.ts'],
        },
      },
    ],
  },
})
