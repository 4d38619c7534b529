// The seeds every mutated input starts from: the fixture catalogue (about a hundred captures of
// every kind: pcap and pcapng, both byte orders, gzip, many link types, TCP scenarios, damaged
// files) and the regression inputs kept in test/fuzz/regressions/. Each seed is held plain (a
// gzip seed also decompressed) with its length sites, worked out once per process.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { constants, gunzipSync } from 'node:zlib'
import { captureKindOf, openCaptureBytes } from '../../main/capture/open'
import { CaptureError, type RawFrame } from '../../main/capture/source'
import { encodePcapng } from '../../main/capture/writer'
import { FIXTURES } from '../fixtures/catalog'
import { lengthSites, type LengthSite } from './layout'

export const REGRESSIONS_DIR = join(__dirname, 'regressions')

export interface Seed {
  /** "fixture:tcp-handshake", "regression:pcapng-…" */
  name: string
  /** The bytes as the file holds them (gzip-compressed for a gzip seed). */
  stored: Uint8Array
  /** The capture uncompressed (the same bytes unless `gzip`). */
  plain: Uint8Array
  gzip: boolean
  kind: 'pcap' | 'pcapng' | 'other'
  sites: LengthSite[]
  /** Up to a few of its frames as a pcapng section in the other byte order (for a second-SHB mutation). */
  otherOrderSection?: Uint8Array
}

export interface Corpus {
  seeds: Seed[]
  pcapng: Seed[]
}

/** The regression inputs, by file name, in name order (README files aside). */
export function regressionFiles(dir = REGRESSIONS_DIR): Array<{ file: string; bytes: Uint8Array }> {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  return names
    .filter((name) => !name.startsWith('.') && !/\.md$/i.test(name))
    .sort()
    .map((file) => ({ file, bytes: new Uint8Array(readFileSync(join(dir, file))) }))
}

export async function loadCorpus(): Promise<Corpus> {
  const raw = [...FIXTURES.map((f) => ({ name: `fixture:${f.name}`, bytes: f.bytes() })), ...regressionFiles().map((r) => ({ name: `regression:${r.file}`, bytes: r.bytes }))]
  const seeds: Seed[] = []
  for (const { name, bytes } of raw) seeds.push(await seedOf(name, bytes))
  return { seeds, pcapng: seeds.filter((s) => s.kind === 'pcapng') }
}

async function seedOf(name: string, stored: Uint8Array): Promise<Seed> {
  const gzip = captureKindOf(stored) === 'gzip'
  // A damaged gzip seed gives what inflates before the damage.
  const plain = gzip ? new Uint8Array(gunzipSync(stored, { finishFlush: constants.Z_SYNC_FLUSH })) : stored
  const kind = captureKindOf(plain)
  const seed: Seed = { name, stored, plain, gzip, kind: kind === 'pcap' || kind === 'pcapng' ? kind : 'other', sites: await lengthSites(plain) }
  if (seed.kind === 'pcapng') seed.otherOrderSection = await otherOrderSection(plain)
  return seed
}

/** The file's first frames re-written as one section in the byte order its first section does not use. */
async function otherOrderSection(plain: Uint8Array): Promise<Uint8Array | undefined> {
  const frames: RawFrame[] = []
  let reader
  try {
    reader = await openCaptureBytes(plain)
    for await (const raw of reader.frames()) {
      frames.push({ ...raw, bytes: raw.bytes.slice() })
      if (frames.length === 4) break
    }
  } catch (err) {
    if (!(err instanceof CaptureError)) throw err
  }
  await reader?.close()
  const littleEndian = reader?.info.sections[0]?.littleEndian ?? true
  const iface = reader?.info.interfaces[0]
  if (!iface) return undefined
  return encodePcapng({
    bigEndian: littleEndian,
    interfaces: [{ linkType: iface.linkType, snapLen: iface.snapLen }],
    frames: frames.map((f) => ({ tsSec: f.tsSec, tsNsec: f.tsNsec, bytes: f.bytes, origLen: f.origLen })),
  })
}
