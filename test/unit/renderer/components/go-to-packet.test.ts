import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import GoToPacketDialog from '../../../../renderer/src/components/packet-list/GoToPacketDialog.vue'
import { useCaptureStore } from '../../../../renderer/src/stores/capture'
import { useSelectionStore } from '../../../../renderer/src/stores/selection'
import { flushPromises, mountWith, setUp } from '../harness'

enableAutoUnmount(afterEach)

afterEach(() => {
  document.body.innerHTML = ''
})

describe('components/packet-list/GoToPacketDialog', () => {
  it('should show the range beside the number and say when a number is out of it', async () => {
    const harness = setUp({ rows: 300 })
    await useCaptureStore().start()
    const wrapper = mountWith(GoToPacketDialog, harness)
    const input = wrapper.get('[data-testid="go-to-input"]')
    expect(wrapper.get('[data-testid="go-to-range"]').text()).toBe('From 1 to 300')
    expect(input.attributes('aria-describedby')).toBe('go-to-range')
    await input.setValue('301')
    await wrapper.get('form').trigger('submit')
    expect(input.attributes('aria-invalid')).toBe('true')
    expect(wrapper.get('[role="alert"]').text()).toBe('Enter a number from 1 to 300.')
    await input.setValue('300')
    expect(input.attributes('aria-invalid')).toBe('false')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(useSelectionStore().frame).toBe(300)
    expect(wrapper.emitted('close')).toHaveLength(1)
  })
})
