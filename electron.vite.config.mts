import { chmodSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

// Three builds from the top-level folders. The main build has three entries: the Electron
// app (main/index.ts), the `tcplens` command (main/cli/index.ts), and the capture session's
// worker thread (main/session/worker.ts → out/main/session-worker.js, which SessionHost starts
// from next to itself, in the app and in `tcplens serve` alike); all bundle the same engine
// modules from main/, so the CLI never runs a copy of the app's code.
// The target is Node 20: the CLI runs in plain Node, the app in Electron's newer Node.
// `npx tcplens` runs out/main/cli.js directly: it must be executable (the shebang does the rest).
const cliExecutable = {
  name: 'tcplens-cli-executable',
  writeBundle(options: { dir?: string }) {
    if (process.platform !== 'win32') chmodSync(resolve(options.dir ?? 'out/main', 'cli.js'), 0o755)
  },
}

export default defineConfig({
  main: {
    plugins: [cliExecutable],
    build: {
      target: 'node20',
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve(import.meta.dirname, 'main/index.ts'),
          cli: resolve(import.meta.dirname, 'main/cli/index.ts'),
          'session-worker': resolve(import.meta.dirname, 'main/session/worker.ts'),
        },
        output: {
          entryFileNames: '[name].js',
          banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'preload/index.ts') },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [vue()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'renderer/index.html') },
      },
    },
  },
})
