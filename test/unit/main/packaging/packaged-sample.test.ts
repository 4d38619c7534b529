import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

// The Electron app object as the sample's path chooser sees it.
const electronApp = vi.hoisted(() => ({ isPackaged: false, getPath: (_name: string): string => '' }))
vi.mock('electron', () => ({ app: electronApp }))

const { appSampleCapturePath } = await import('../../../../main/sample/app-sample-path')
const { SAMPLE_FILE_NAME } = await import('../../../../main/sample/sample-capture')

describe('sample/app-sample-path: the sample the Electron app opens', () => {
  let resources = ''
  let userData = ''
  const original = (process as { resourcesPath?: string }).resourcesPath

  beforeEach(async () => {
    resources = await mkdtemp(join(tmpdir(), 'tcplens-resources-'))
    userData = await mkdtemp(join(tmpdir(), 'tcplens-userdata-'))
    ;(process as { resourcesPath?: string }).resourcesPath = resources
    electronApp.getPath = () => userData
  })

  afterEach(async () => {
    ;(process as { resourcesPath?: string }).resourcesPath = original
    await rm(resources, { recursive: true, force: true })
    await rm(userData, { recursive: true, force: true })
  })

  it('should read the shipped sample in place in the packaged app', async () => {
    electronApp.isPackaged = true
    await mkdir(join(resources, 'samples'))
    await writeFile(join(resources, 'samples', SAMPLE_FILE_NAME), 'shipped')
    await expect(appSampleCapturePath()).resolves.toBe(join(resources, 'samples', SAMPLE_FILE_NAME))
  })

  it('should write the sample into the user data folder when the packaged app has none in its resources', async () => {
    electronApp.isPackaged = true
    await expect(appSampleCapturePath()).resolves.toBe(join(userData, SAMPLE_FILE_NAME))
  })

  it('should write the sample into the user data folder when not packaged, whatever the resources hold', async () => {
    electronApp.isPackaged = false
    await mkdir(join(resources, 'samples'))
    await writeFile(join(resources, 'samples', SAMPLE_FILE_NAME), 'shipped')
    await expect(appSampleCapturePath()).resolves.toBe(join(userData, SAMPLE_FILE_NAME))
  })
})
