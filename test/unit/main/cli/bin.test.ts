import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../../../..')
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> }

describe('the tcplens executable', () => {
  it('should be the built CLI entry, with a shebang, built on install (prepare)', () => {
    expect(pkg.bin['tcplens']).toBe('out/main/cli.js')
    expect(pkg.scripts['prepare']).toMatch(/electron-vite build/)
    const cli = resolve(ROOT, pkg.bin['tcplens'])
    expect(existsSync(cli), 'out/main/cli.js is missing: run npm run build').toBe(true)
    expect(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)
    if (process.platform !== 'win32') expect(statSync(cli).mode & 0o111, 'out/main/cli.js must be executable').toBe(0o111)
  })

  it('should run as `npx tcplens` from the project folder', () => {
    const result = spawnSync('npx', ['--no-install', 'tcplens', '--help'], { cwd: ROOT, encoding: 'utf8' })
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/usage: tcplens COMMAND/)
  })

  it('should run in plain Node, outside Electron, and answer --help', () => {
    const result = spawnSync(process.execPath, [resolve(ROOT, pkg.bin['tcplens']), '--help'], { encoding: 'utf8' })
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/usage: tcplens COMMAND/)
  })
})
