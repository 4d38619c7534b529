import { describe, expect, it } from 'vitest'
import MessageList from '../../../../renderer/src/components/common/MessageList.vue'
import { useCaptureStore } from '../../../../renderer/src/stores/capture'
import { useMessagesStore } from '../../../../renderer/src/stores/messages'
import { mountWith, setUp } from '../harness'

describe('components/MessageList', () => {
  it('should show api errors, worded in the UI language with the detail beneath', async () => {
    const harness = setUp()
    useMessagesStore().reportError({ code: 'io', message: 'EACCES: permission denied' })
    const wrapper = mountWith(MessageList, harness)
    const message = wrapper.get('[data-testid="message"]')
    expect(message.attributes('data-code')).toBe('io')
    expect(message.text()).toContain('EACCES: permission denied')
    wrapper.unmount()
  })

  it('should not say again an error the window already shows where it happened', async () => {
    const harness = setUp()
    const detail = '/tmp/notes.txt: not a pcap or pcapng file (unknown magic at byte 0)'
    useCaptureStore().acceptStatus({ session: 7, state: 'failed', packets: 0, connections: 0, error: { code: 'unsupported', message: detail, framesRead: 0 } })
    useMessagesStore().reportError({ code: 'unsupported', message: detail })
    useMessagesStore().reportError({ code: 'io', message: 'another problem' })
    const wrapper = mountWith(MessageList, harness)
    const shown = wrapper.findAll('[data-testid="message"]')
    expect(shown.map((m) => m.attributes('data-code'))).toEqual(['io'])
    wrapper.unmount()
  })
})
