// What electron-builder.yml takes from out/ besides the bundles, written before packaging:
//   out/packaging/icons/NxN.png   the Linux icon set (linux.icon is this folder)
//   out/packaging/icon.ico        Windows (PNG-in-ICO)
//   out/packaging/icon.icns       macOS (PNG payloads)
//   out/samples/                  the bundled sample, the classroom set and its README.txt
//                                 (extraResources → resources/samples/)
//
//   npx tsx main/packaging/prepare-resources.ts
// A build-time tool: it is not bundled into the app, so it may use the test fixtures' builders.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { buildSampleCapture, SAMPLE_FILE_NAME } from '../sample/sample-capture'
import { writeClassroomSamples } from '../../test/fixtures/write-classroom-samples'
import { encodeIcns, ICNS_TYPES } from './icns'
import { encodeIco } from './ico'
import { renderIconPng } from './render-icon'

export const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const
export const WINDOWS_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256] as const

export interface PreparedResources {
  linuxIcons: string[]
  ico: string
  icns: string
  samples: string[]
}

/** Renders each size once, whichever platform asks for it. */
function pngCache(svg: string): (pixels: number) => Buffer {
  const rendered = new Map<number, Buffer>()
  return (pixels) => {
    let png = rendered.get(pixels)
    if (!png) {
      png = renderIconPng(svg, pixels)
      rendered.set(pixels, png)
    }
    return png
  }
}

async function writeIcons(svg: string, folder: string): Promise<Omit<PreparedResources, 'samples'>> {
  const png = pngCache(svg)
  const setFolder = join(folder, 'icons')
  await rm(setFolder, { recursive: true, force: true })
  await mkdir(setFolder, { recursive: true })
  const linuxIcons: string[] = []
  for (const size of LINUX_ICON_SIZES) {
    const file = join(setFolder, `${size}x${size}.png`)
    await writeFile(file, png(size))
    linuxIcons.push(file)
  }
  const ico = join(folder, 'icon.ico')
  await writeFile(ico, encodeIco(WINDOWS_ICON_SIZES.map((size) => ({ size, png: png(size) }))))
  const icns = join(folder, 'icon.icns')
  await writeFile(icns, encodeIcns(ICNS_TYPES.map(({ type, pixels }) => ({ type, png: png(pixels) }))))
  return { linuxIcons, ico, icns }
}

async function writeSamples(folder: string): Promise<string[]> {
  await rm(folder, { recursive: true, force: true })
  await mkdir(folder, { recursive: true })
  await writeFile(join(folder, SAMPLE_FILE_NAME), buildSampleCapture())
  return [SAMPLE_FILE_NAME, ...(await writeClassroomSamples(folder))]
}

/** Writes the icons into `<out>/packaging` and the samples into `<out>/samples`. */
export async function prepareResources(root: string, out = join(root, 'out')): Promise<PreparedResources> {
  const svg = await readFile(join(root, 'main/packaging/icon.svg'), 'utf8')
  const icons = await writeIcons(svg, join(out, 'packaging'))
  const samples = await writeSamples(join(out, 'samples'))
  return { ...icons, samples }
}

if (require.main === module) {
  void prepareResources(resolve(__dirname, '../..')).then((prepared) => {
    console.log(`icons: ${prepared.linuxIcons.length} PNG (${LINUX_ICON_SIZES.join(', ')} px), ${prepared.ico}, ${prepared.icns}`)
    console.log(`samples: ${prepared.samples.length} files in out/samples`)
  })
}
