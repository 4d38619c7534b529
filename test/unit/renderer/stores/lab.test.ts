import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { LabReport, Lang } from '../../../../preload/contract/api'
import { useLabStore } from '../../../../renderer/src/stores/lab'
import { useSettingsStore } from '../../../../renderer/src/stores/settings'
import { labOf } from '../../../fixtures/teaching-views'
import { flushPromises, setUp, type Harness } from '../harness'

let reports: Record<Lang, LabReport>

beforeAll(async () => {
  reports = { en: await labOf('tcp-scenario-four-way-close'), 'zh-CN': await labOf('tcp-scenario-four-way-close', 0, 'zh-CN') }
}, 60_000)

describe('stores/lab', () => {
  let harness: Harness
  beforeEach(() => {
    harness = setUp()
    harness.api.lab = async (stream: number, lang: Lang) => ({ ok: true, value: { ...reports[lang], stream } })
  })

  it("should load a connection's lab report in the UI language", async () => {
    const lab = useLabStore()
    await lab.load(0)
    expect(lab.stream).toBe(0)
    expect(lab.report?.lang).toBe('en')
    expect(lab.report?.answers.map((a) => a.id)).toContain('syn-ack')
  })

  it('should ask again when the language changes', async () => {
    const lab = useLabStore()
    await lab.load(0)
    await useSettingsStore().update({ language: 'zh-CN' })
    await flushPromises()
    expect(lab.report?.lang).toBe('zh-CN')
    expect(lab.report?.answers[0]!.question).toBe(reports['zh-CN'].answers[0]!.question)
  })

  it('should forget the report when cleared', async () => {
    const lab = useLabStore()
    await lab.load(0)
    lab.clear()
    expect(lab.report).toBeNull()
    expect(lab.stream).toBeNull()
  })
})
