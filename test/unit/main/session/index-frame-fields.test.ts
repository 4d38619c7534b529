// The display filter's view of a frame from the session's columns (index-frame-fields.ts) against
// its view of the decoded field tree (main/filter/decoded-frame-fields.ts): for every field the
// index claims to know, on every frame of every generated fixture, of frames damaged on purpose
// and of the shared corpus, whatever the index answers is exactly what the decode gives; and it
// does answer on plain TCP segments (the comparison is not vacuous).
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { openCaptureBytes } from '../../../../main/capture/open'
import { CaptureError } from '../../../../main/capture/source'
import { allFieldDefs } from '../../../../main/decode/field'
import { DecodePass } from '../../../../main/decode/pass'
import { decodedFrameFields } from '../../../../main/filter'
import type { FilterField } from '../../../../main/filter/types'
import { IndexFrameFields, isIndexedField } from '../../../../main/session/index-frame-fields'
import { describeSharedCaptures } from '../../../conformance/captures-dir'
import { FIXTURES } from '../../../fixtures/catalog'
import { damageFrames } from '../../../fixtures/damage'
import { indexBytes } from './full-pass'

/** Every field the index answers, as a filter names it: by value where it can, else by presence. */
function indexedFields(): FilterField[] {
  const fields: FilterField[] = []
  for (const def of allFieldDefs()) {
    const byValue = { name: def.name, def, presenceOnly: false }
    if (isIndexedField(byValue)) fields.push(byValue)
    else if (isIndexedField({ ...byValue, presenceOnly: true })) fields.push({ ...byValue, presenceOnly: true })
  }
  return fields
}

const FIELDS = indexedFields()

interface Figures {
  frames: number
  /** Field × frame answers the index gave (not missed). */
  answered: number
}

/** Compares the two views on every frame of a capture; undefined when it is not a capture. */
async function expectSameFields(name: string, bytes: Uint8Array): Promise<Figures | undefined> {
  const session = await indexBytes(bytes)
  if (!session) return undefined
  let reader
  try {
    reader = await openCaptureBytes(bytes)
    const pass = new DecodePass(reader.info)
    const fromIndex = new IndexFrameFields(session.indexer)
    let frames = 0
    let answered = 0
    try {
      for await (const batch of reader.batches()) {
        for (const raw of batch) {
          if (raw.no > session.indexer.frames) break
          frames++
          const decoded = decodedFrameFields(pass.decode(raw))
          for (const field of FIELDS) {
            fromIndex.row = raw.no - 1
            fromIndex.missed = false
            const values = [...fromIndex.values(field)]
            if (fromIndex.missed) continue
            answered++
            const reference = decoded.values(field)
            if (field.presenceOnly) expect(values.length > 0, `${name} frame ${raw.no} ${field.name} (presence)`).toBe(reference.length > 0)
            else expect(values, `${name} frame ${raw.no} ${field.name}`).toEqual([...reference])
          }
        }
      }
    } catch (error) {
      if (!(error instanceof CaptureError)) throw error
    }
    return { frames, answered }
  } finally {
    await reader?.close()
    await session.close()
  }
}

describe('session/index-frame-fields: what the index answers is what the decode gives', () => {
  it('should claim the fields the issue names: flags, ports, addresses, stream, lengths, seq/ack, analysis, times', () => {
    const names = new Set(FIELDS.map((f) => f.name))
    for (const name of ['tcp.flags.syn', 'tcp.port', 'ip.addr', 'ipv6.addr', 'tcp.stream', 'tcp.len', 'frame.len', 'tcp.seq', 'tcp.ack', 'tcp.analysis.retransmission', 'frame.time_relative', 'tcp']) {
      expect(names, name).toContain(name)
    }
    expect(isIndexedField({ name: 'tcp', def: FIELDS.find((f) => f.name === 'tcp')!.def, presenceOnly: false })).toBe(false)
  })

  for (const f of FIXTURES) {
    it(`${f.file}`, async () => {
      const figures = await expectSameFields(f.file, f.bytes())
      if (f.expect?.frames) expect(figures?.frames).toBe(f.expect.frames)
    })
  }

  it('should answer most questions about TCP fixtures (the comparison is not vacuous)', async () => {
    let asked = 0
    let answered = 0
    for (const f of FIXTURES.filter((f) => f.name.startsWith('tcp-'))) {
      const figures = await expectSameFields(f.file, f.bytes())
      asked += (figures?.frames ?? 0) * FIELDS.length
      answered += figures?.answered ?? 0
    }
    expect(answered).toBeGreaterThan(asked / 2)
  })

  it('should agree on frames damaged on purpose', async () => {
    const captures = FIXTURES.filter((f) => f.name.startsWith('tcp-scenario-') && f.file.endsWith('.pcap'))
    let frames = 0
    for (const [i, f] of captures.entries()) {
      for (const seed of [1, 2]) frames += (await expectSameFields(`damaged-${seed}-${f.file}`, damageFrames(f.bytes(), seed * 7919 + i)))?.frames ?? 0
    }
    expect(frames).toBeGreaterThan(100)
  })
})

describeSharedCaptures('session/index-frame-fields: the shared corpus', 'the index is compared with the decode on the generated fixtures only', (dir, names) => {
  for (const name of names) {
    it(name, async () => {
      const figures = await expectSameFields(name, new Uint8Array(readFileSync(join(dir, name))))
      expect(figures?.frames).toBeGreaterThan(0)
    })
  }
})

