import { defineStore } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useCaptureStore } from '../../../../renderer/src/stores/capture'
import { useCaptureAnswer } from '../../../../renderer/src/stores/capture-answer'
import type { FakeApi } from '../fake-api'
import { flushPromises, setUp } from '../harness'

const useExpertAnswer = defineStore('expert-answer-test', () => useCaptureAnswer('expertInfo'))

describe('stores/capture-answer', () => {
  let api: FakeApi

  beforeEach(async () => {
    api = setUp({ initial: 'empty' }).api
    await useCaptureStore().start()
  })

  it('should read nothing until asked, then hold the answer', async () => {
    api.emit('capture', { session: 1, state: 'ready', packets: 10, connections: 1 })
    const answer = useExpertAnswer()
    expect(answer.loaded).toBe(false)
    expect(api.callsOf('expertInfo')).toHaveLength(0)
    await answer.load()
    expect(answer.loaded).toBe(true)
    expect(answer.value).not.toBeNull()
  })

  it('should forget the answer when another session starts', async () => {
    api.emit('capture', { session: 1, state: 'ready', packets: 10, connections: 1 })
    const answer = useExpertAnswer()
    await answer.load()
    api.emit('capture', { session: 2, state: 'loading', packets: 0, connections: 0 })
    await flushPromises()
    expect(answer.loaded).toBe(false)
    expect(answer.value).toBeNull()
  })

  it('should read again when a capture read while loading becomes ready', async () => {
    api.emit('capture', { session: 1, state: 'loading', packets: 5, connections: 1 })
    const answer = useExpertAnswer()
    await answer.load()
    expect(api.callsOf('expertInfo')).toHaveLength(1)
    api.emit('capture', { session: 1, state: 'ready', packets: 10, connections: 1 })
    await flushPromises()
    expect(api.callsOf('expertInfo')).toHaveLength(2)
    expect(answer.loaded).toBe(true)
  })

  it('should not read when a capture nobody asked about becomes ready', async () => {
    api.emit('capture', { session: 1, state: 'loading', packets: 5, connections: 1 })
    useExpertAnswer()
    api.emit('capture', { session: 1, state: 'ready', packets: 10, connections: 1 })
    await flushPromises()
    expect(api.callsOf('expertInfo')).toHaveLength(0)
  })
})
