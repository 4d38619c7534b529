import { defineStore } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useCaptureStore } from '../../../../renderer/src/stores/capture'
import { useSettingsStore } from '../../../../renderer/src/stores/settings'
import { useStreamAnswer } from '../../../../renderer/src/stores/stream-answer'
import type { FakeApi } from '../fake-api'
import { flushPromises, setUp } from '../harness'

const useNarrativeAnswer = defineStore('narrative-answer-test', () => useStreamAnswer('narrative'))

describe('stores/stream-answer', () => {
  let api: FakeApi

  beforeEach(async () => {
    api = setUp({ initial: 'empty', rows: 300 }).api
    await useCaptureStore().start()
    await useSettingsStore().start()
  })

  it('should ask about one connection in the UI language, and forget it with the session', async () => {
    api.emit('capture', { session: 1, state: 'ready', packets: 300, connections: 30 })
    const answer = useNarrativeAnswer()
    await answer.load(3)
    expect(answer.value?.stream).toBe(3)
    expect(api.callsOf('narrative')).toEqual([[3, 'en']])
    api.emit('capture', { session: 2, state: 'loading', packets: 0, connections: 0 })
    await flushPromises()
    expect(answer.value).toBeNull()
    expect(answer.stream).toBeNull()
  })

  it('should ask again when the capture it was asked about while loading becomes ready', async () => {
    api.emit('capture', { session: 1, state: 'loading', packets: 100, connections: 10 })
    const answer = useNarrativeAnswer()
    await answer.load(3)
    api.emit('capture', { session: 1, state: 'ready', packets: 300, connections: 30 })
    await flushPromises()
    expect(api.callsOf('narrative')).toEqual([
      [3, 'en'],
      [3, 'en'],
    ])
  })

  it('should ask nothing when nothing was asked', async () => {
    api.emit('capture', { session: 1, state: 'loading', packets: 100, connections: 10 })
    useNarrativeAnswer()
    api.emit('capture', { session: 1, state: 'ready', packets: 300, connections: 30 })
    await flushPromises()
    expect(api.callsOf('narrative')).toEqual([])
  })
})
