import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import AnalyzerPanes from '../../../../renderer/src/components/AnalyzerPanes.vue'
import { useCaptureStore } from '../../../../renderer/src/stores/capture'
import { useUiStore } from '../../../../renderer/src/stores/ui'
import { flushPromises, mountWith, setUp } from '../harness'

enableAutoUnmount(afterEach)

describe('components/AnalyzerPanes', () => {
  async function mounted() {
    const harness = setUp({ rows: 300 })
    await useCaptureStore().start()
    const wrapper = mountWith(AnalyzerPanes, harness)
    await flushPromises()
    return wrapper
  }

  it('should show the view the tabs choose above the tree and the bytes', async () => {
    const wrapper = await mounted()
    expect(wrapper.find('[data-testid="pane-list"] [data-testid="packet-list"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="view-panes-toggle"]').exists()).toBe(false)
    await wrapper.get('[data-testid="view-tab-diagram"]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="pane-list"] [data-testid="teach-view"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="pane-details"]').exists()).toBe(true)
  })

  it('should give a teaching view the whole height when the tree and bytes are hidden, and only there', async () => {
    const wrapper = await mounted()
    await wrapper.get('[data-testid="view-tab-flow"]').trigger('click')
    await flushPromises()
    await wrapper.get('[data-testid="view-panes-toggle"]').trigger('click')
    expect(useUiStore().panesHidden).toBe(true)
    expect(wrapper.find('[data-testid="pane-details"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="pane-list"] [data-testid="flow-graph"]').exists()).toBe(true)
    expect(wrapper.get('[data-testid="view-panes-toggle"]').text()).toBe('Show tree and bytes')
    await wrapper.get('[data-testid="view-tab-packets"]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="pane-details"]').exists()).toBe(true)
  })
})
