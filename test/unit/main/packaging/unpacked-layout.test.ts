// The packaged app's layout, checked offline: electron-builder builds the unpacked Linux app
// (`dir` target, x64) from electron-builder.yml, with a stub Electron dist (no download) and no
// native rebuild (no network), then app.asar and the resources around it are opened and checked.
// It packages the built bundles: `npm test` builds out/ before vitest runs.
import { existsSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, posix, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LINUX_ICON_SIZES, prepareResources } from '../../../../main/packaging/prepare-resources'
import { CAP_BINARY } from '../../../../main/packaging/native-abi'
import { CLASSROOM_SAMPLES } from '../../../fixtures/write-classroom-samples'
import { SAMPLE_FILE_NAME } from '../../../../main/sample/sample-capture'
import { countFrames } from '../../../fixtures/count-frames'

const root = resolve(__dirname, '../../../../')
const BUNDLES = ['out/main/index.js', 'out/main/cli.js', 'out/main/session-worker.js', 'out/preload/index.js', 'out/renderer/index.html']

interface Asar {
  listPackage(archive: string, options?: { isPack: boolean }): string[]
  extractFile(archive: string, filename: string): Buffer
}

/** What electron-builder copies from an unpacked Electron: the binary, its licences, resources/. */
async function stubElectronDist(folder: string): Promise<void> {
  await mkdir(join(folder, 'resources'), { recursive: true })
  await mkdir(join(folder, 'locales'), { recursive: true })
  await writeFile(join(folder, 'electron'), '#!/bin/sh\necho "stub Electron: this layout is not meant to run"\nexit 1\n')
  await chmod(join(folder, 'electron'), 0o755)
  await writeFile(join(folder, 'chrome-sandbox'), '')
  await writeFile(join(folder, 'libffmpeg.so'), '')
  await writeFile(join(folder, 'LICENSE'), 'stub')
  await writeFile(join(folder, 'LICENSES.chromium.html'), 'stub')
}


describe('packaging: the unpacked Linux app built by electron-builder', () => {
  let work = ''
  let app = ''
  let asar: Asar
  let files: string[] = []
  let seconds = 0

  beforeAll(async () => {
    const missing = BUNDLES.filter((file) => !existsSync(join(root, file)))
    if (missing.length > 0) throw new Error(`out/ is not built (${missing.join(', ')} missing): run npm run build first; this test packages the built bundles`)
    const started = performance.now()
    await prepareResources(root)
    work = await mkdtemp(join(tmpdir(), 'tcplens-layout-'))
    await stubElectronDist(join(work, 'electron-dist'))
    const { build, Platform, Arch } = await import('electron-builder')
    await build({
      projectDir: root,
      targets: Platform.LINUX.createTarget('dir', Arch.x64),
      publish: 'never',
      config: { electronDist: join(work, 'electron-dist'), npmRebuild: false, directories: { output: join(work, 'dist') } },
    })
    app = join(work, 'dist', 'linux-unpacked')
    asar = (await import('@electron/asar')) as unknown as Asar
    files = asar.listPackage(join(app, 'resources/app.asar'), { isPack: false }).map((file) => file.replaceAll('\\', '/'))
    seconds = (performance.now() - started) / 1000
    console.log(`[packaging] unpacked layout built in ${seconds.toFixed(1)} s; app.asar holds ${files.length} entries`)
  }, 120_000)

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true })
  })

  it('should put the main, preload and renderer bundles into app.asar', () => {
    for (const bundle of BUNDLES) expect(files).toContain(`/${bundle}`)
  })

  it('should keep the build tools, icons, samples and source maps out of app.asar', () => {
    expect(files.filter((file) => /^\/(out\/(packaging|samples|dist)|main|test|renderer|preload)\//.test(file))).toEqual([])
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([])
  })

  it('should have package.json name a main script that is in the archive', () => {
    const pkg = JSON.parse(asar.extractFile(join(app, 'resources/app.asar'), 'package.json').toString()) as { main: string }
    expect(files).toContain(posix.join('/', pkg.main))
  })

  it('should unpack the session worker next to the archive, where worker_threads can start it', () => {
    expect(existsSync(join(app, 'resources/app.asar.unpacked/out/main/session-worker.js'))).toBe(true)
  })

  it('should name the executable tcplens', () => {
    expect(existsSync(join(app, 'tcplens'))).toBe(true)
  })

  if (existsSync(join(root, CAP_BINARY)))
    it('should unpack the native capture module (cap.node) from app.asar', () => {
      expect(existsSync(join(app, 'resources/app.asar.unpacked/node_modules/cap/build/Release/cap.node'))).toBe(true)
    })
  else it.skip(`SKIPPED: cap is not built here (${CAP_BINARY} is missing: libpcap was not there at npm install), so it cannot be packaged`, () => undefined)

  it('should ship the bundled sample and the classroom set as resources that our reader opens', async () => {
    const expected = [SAMPLE_FILE_NAME, ...CLASSROOM_SAMPLES.map((sample) => sample.file)]
    for (const file of expected) expect(await countFrames(join(app, 'resources/samples', file)), file).toBeGreaterThan(0)
    const readme = await readFile(join(app, 'resources/samples/README.txt'), 'utf8')
    for (const sample of CLASSROOM_SAMPLES) expect(readme).toContain(sample.file)
  })

  it('should ship the Linux capture-rights script as a resource', () => {
    expect(existsSync(join(app, 'resources/tcplens-capture-rights.sh'))).toBe(true)
  })

  it('should give the Linux targets the icon set electron-builder resolves from linux.icon', async () => {
    const { convertIcon } = await import('app-builder-lib/out/util/iconConverter')
    const icons = await convertIcon({ sources: ['out/packaging/icons'], fallbackSources: [], roots: [join(root, 'main/packaging'), root], format: 'set', outDir: join(work, 'icon-set') })
    expect(icons.isFallback).toBe(false)
    expect(icons.icons.map((icon) => icon.size)).toEqual([...LINUX_ICON_SIZES])
  })
})
