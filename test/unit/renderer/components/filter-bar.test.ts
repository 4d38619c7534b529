// The display-filter bar: checked as the user types (green, red with the offending part
// underlined and the message in the UI language), applied with Enter or →, cleared with ×;
// field names suggested from the keyboard or the mouse, the recent filters, the saved classics.
import { enableAutoUnmount, type VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import FilterBar from '../../../../renderer/src/components/filter/FilterBar.vue'
import { CHECK_DELAY_MS, useFilterStore } from '../../../../renderer/src/stores/filter'
import { useCaptureStore } from '../../../../renderer/src/stores/capture'
import { useSelectionStore } from '../../../../renderer/src/stores/selection'
import { useSettingsStore } from '../../../../renderer/src/stores/settings'
import { flushPromises, mountWith, setUp, type Harness } from '../harness'

enableAutoUnmount(afterEach)

let harness: Harness

async function mountBar(options: Parameters<typeof setUp>[0] = {}) {
  harness = setUp({ rows: 300, ...options })
  await useCaptureStore().start()
  const wrapper = mountWith(FilterBar, harness)
  await flushPromises()
  return wrapper
}

const input = (wrapper: VueWrapper) => wrapper.get<HTMLInputElement>('[data-testid="filter-input"]')
const validity = (wrapper: VueWrapper) => wrapper.get('[data-testid="filter-field"]').attributes('data-validity')
const options = (wrapper: VueWrapper) => wrapper.findAll('[data-testid="filter-option"]').map((option) => option.attributes('data-value'))

/** Types `text` as the user would (caret at its end) and lets the check answer. */
async function type(wrapper: VueWrapper, text: string): Promise<void> {
  await input(wrapper).trigger('focus')
  await input(wrapper).setValue(text)
  await vi.advanceTimersByTimeAsync(CHECK_DELAY_MS)
  await flushPromises()
}

async function press(wrapper: VueWrapper, key: string): Promise<void> {
  await input(wrapper).trigger('keydown', { key })
  await flushPromises()
}

beforeEach(() => {
  localStorage.clear()
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
})
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

describe('components/filter/FilterBar', () => {
  describe('checking as the user types', () => {
    it('should be neutral when empty, green when valid, red when invalid', async () => {
      const wrapper = await mountBar()
      expect(validity(wrapper)).toBe('empty')
      await type(wrapper, 'tcp.flags.syn == 1')
      expect(validity(wrapper)).toBe('valid')
      expect(input(wrapper).attributes('aria-invalid')).toBe('false')
      await type(wrapper, 'tcp.flags.syn ==')
      expect(validity(wrapper)).toBe('invalid')
      expect(input(wrapper).attributes('aria-invalid')).toBe('true')
      await type(wrapper, '')
      expect(validity(wrapper)).toBe('empty')
    })

    it('should underline the offending part and say what is wrong and where', async () => {
      const wrapper = await mountBar()
      await type(wrapper, 'tcp && bad && udp')
      const span = wrapper.get('[data-testid="filter-error-span"]')
      expect(span.text()).toBe('bad')
      expect(span.element.previousElementSibling?.textContent).toBe('tcp && ')
      expect(wrapper.get('[data-testid="filter-error"]').text()).toBe('At character 8: unknown field bad')
      expect(input(wrapper).attributes('aria-describedby')).toBe('display-filter-error')
    })

    it('should mark the end of the text when the filter ends too soon', async () => {
      const wrapper = await mountBar()
      await type(wrapper, 'tcp.port ==')
      const span = wrapper.get('[data-testid="filter-error-span"]')
      expect(span.classes()).toContain('empty')
      expect(span.element.previousElementSibling?.textContent).toBe('tcp.port ==')
    })

    it('should give the message, the titles and the types in the UI language', async () => {
      const wrapper = await mountBar()
      harness.i18n.global.locale.value = 'zh-CN'
      useSettingsStore().preferences.language = 'zh-CN'
      await type(wrapper, 'bad')
      expect(wrapper.get('[data-testid="filter-error"]').text()).toBe('第 1 个字符处：未知字段 bad')
      await type(wrapper, 'tcp.flags.s')
      const option = wrapper.get('[data-testid="filter-option"][data-value="tcp.flags.syn"]')
      expect(option.text()).toContain('SYN 标志')
      expect(option.text()).toContain('布尔值')
    })

    it('should hint that a filter which decodes packets may take a while', async () => {
      const wrapper = await mountBar()
      await type(wrapper, 'tcp.port == 80')
      expect(wrapper.find('[data-testid="filter-decodes"]').exists()).toBe(false)
      await type(wrapper, 'frame contains "GET"')
      expect(wrapper.get('[data-testid="filter-decodes"]').attributes('title')).toContain('may take a while')
    })
  })

  describe('applying', () => {
    it('should apply with Enter and with →, and clear with ×', async () => {
      const wrapper = await mountBar()
      await type(wrapper, 'udp')
      await press(wrapper, 'Enter')
      expect(harness.api.callsOf('setView')).toEqual([[{ filter: 'udp' }]])
      await type(wrapper, 'tcp.stream == 2')
      expect(wrapper.get('[data-testid="filter-apply"]').classes()).toContain('pending')
      await wrapper.get('[data-testid="filter-apply"]').trigger('click')
      await flushPromises()
      expect(harness.api.callsOf('setView').at(-1)).toEqual([{ filter: 'tcp.stream == 2' }])
      expect(wrapper.get('[data-testid="filter-apply"]').classes()).not.toContain('pending')
      await wrapper.get('[data-testid="filter-clear"]').trigger('click')
      await flushPromises()
      expect(harness.api.callsOf('setView').at(-1)).toEqual([{}])
      expect(input(wrapper).element.value).toBe('')
    })

    it('should not apply an invalid filter, but shake and put the caret where it is wrong', async () => {
      const wrapper = await mountBar()
      await type(wrapper, 'tcp && bad')
      await press(wrapper, 'Enter')
      expect(harness.api.callsOf('setView')).toEqual([])
      expect(wrapper.get('[data-testid="filter-field"]').classes()).toContain('shaking')
      expect(document.activeElement).toBe(input(wrapper).element)
      expect(input(wrapper).element.selectionStart).toBe(7)
      await vi.advanceTimersByTimeAsync(1000)
      expect(wrapper.get('[data-testid="filter-field"]').classes()).not.toContain('shaking')
    })
  })

  describe('autocomplete', () => {
    it('should list the matching field names with their titles, types and a protocol mark', async () => {
      const wrapper = await mountBar()
      await type(wrapper, 'tcp.f')
      expect(harness.api.callsOf('filterFields')).toHaveLength(1)
      expect(options(wrapper)).toEqual(['tcp.flags', 'tcp.flags.syn'])
      const syn = wrapper.findAll('[data-testid="filter-option"]')[1]!
      expect(syn.text()).toContain('Syn')
      expect(syn.text()).toContain('Boolean')
      await type(wrapper, 'ud')
      expect(options(wrapper)).toEqual(['udp'])
      expect(wrapper.get('[data-testid="filter-option-protocol"]').text()).toBe('Protocol')
      expect(input(wrapper).attributes('aria-expanded')).toBe('true')
    })

    it('should choose with ↑ ↓ and take the choice with Enter, without applying', async () => {
      const wrapper = await mountBar()
      await type(wrapper, 'tcp.f')
      await press(wrapper, 'ArrowDown')
      await press(wrapper, 'ArrowDown')
      const chosen = wrapper.get('[data-testid="filter-option"][aria-selected="true"]')
      expect(chosen.attributes('data-value')).toBe('tcp.flags.syn')
      expect(input(wrapper).attributes('aria-activedescendant')).toBe(chosen.attributes('id'))
      await press(wrapper, 'ArrowUp')
      await press(wrapper, 'ArrowUp')
      expect(wrapper.get('[data-testid="filter-option"][aria-selected="true"]').attributes('data-value')).toBe('tcp.flags.syn')
      await press(wrapper, 'Enter')
      expect(input(wrapper).element.value).toBe('tcp.flags.syn')
      expect(wrapper.find('[data-testid="filter-dropdown"]').exists()).toBe(false)
      expect(harness.api.callsOf('setView')).toEqual([])
    })

    it('should take the first suggestion with Tab, replacing the whole word', async () => {
      const wrapper = await mountBar()
      await type(wrapper, 'ip.ad')
      await press(wrapper, 'Tab')
      expect(input(wrapper).element.value).toBe('ip.addr')
      expect(input(wrapper).element.selectionStart).toBe(7)
    })

    it('should close the suggestions with Esc, and keep the text', async () => {
      const wrapper = await mountBar()
      await type(wrapper, 'tcp')
      expect(options(wrapper).length).toBeGreaterThan(0)
      await press(wrapper, 'Escape')
      expect(wrapper.find('[data-testid="filter-dropdown"]').exists()).toBe(false)
      expect(input(wrapper).element.value).toBe('tcp')
    })

    it('should take a suggestion clicked with the mouse', async () => {
      const wrapper = await mountBar()
      await type(wrapper, 'stre')
      await wrapper.get('[data-testid="filter-option"][data-value="tcp.stream"]').trigger('mousemove')
      expect(wrapper.get('[data-testid="filter-option"][data-value="tcp.stream"]').attributes('aria-selected')).toBe('true')
      await wrapper.get('[data-testid="filter-option"][data-value="tcp.stream"]').trigger('click')
      expect(input(wrapper).element.value).toBe('tcp.stream')
    })

    it('should apply the text with Enter when no suggestion is chosen', async () => {
      const wrapper = await mountBar()
      await type(wrapper, 'udp')
      await press(wrapper, 'Enter')
      expect(harness.api.callsOf('setView')).toEqual([[{ filter: 'udp' }]])
    })
  })

  describe('history', () => {
    it('should list the recent filters with ↓ and apply the chosen one', async () => {
      const wrapper = await mountBar()
      for (const filter of ['udp', 'tcp.stream == 1']) await useFilterStore().applyText(filter)
      await type(wrapper, '')
      await press(wrapper, 'ArrowDown')
      expect(options(wrapper)).toEqual(['tcp.stream == 1', 'udp'])
      await press(wrapper, 'ArrowDown')
      await press(wrapper, 'Enter')
      expect(harness.api.callsOf('setView').at(-1)).toEqual([{ filter: 'udp' }])
      expect(input(wrapper).element.value).toBe('udp')
    })

    it('should list them from the ▾ button, disabled while there are none', async () => {
      const wrapper = await mountBar()
      expect(wrapper.get('[data-testid="filter-history-button"]').attributes('disabled')).toBeDefined()
      await useFilterStore().applyText('udp')
      await flushPromises()
      await wrapper.get('[data-testid="filter-history-button"]').trigger('click')
      expect(options(wrapper)).toEqual(['udp'])
      expect(wrapper.get('[data-testid="filter-dropdown"]').attributes('aria-label')).toBe('Recent display filters')
    })
  })

  describe('saved filters', () => {
    it('should show each filter in its tooltip and apply it on click', async () => {
      const wrapper = await mountBar()
      const saved = (id: string) => wrapper.get(`[data-testid="saved-filter"][data-saved="${id}"]`)
      expect(saved('handshake').attributes('title')).toBe('Handshake: tcp.flags.syn == 1')
      expect(saved('teardown').attributes('title')).toBe('Teardown: tcp.flags.fin == 1 || tcp.flags.reset == 1')
      expect(saved('retransmissions').attributes('title')).toContain('tcp.analysis.fast_retransmission')
      await saved('handshake').trigger('click')
      await flushPromises()
      expect(harness.api.callsOf('setView')).toEqual([[{ filter: 'tcp.flags.syn == 1' }]])
      expect(input(wrapper).element.value).toBe('tcp.flags.syn == 1')
      expect(saved('handshake').attributes('aria-pressed')).toBe('true')
    })

    it("should filter on the selected packet's stream, and be disabled with none selected", async () => {
      const wrapper = await mountBar()
      const stream = () => wrapper.get('[data-testid="saved-filter"][data-saved="stream"]')
      expect(stream().attributes('disabled')).toBeDefined()
      expect(stream().attributes('title')).toContain('select a TCP packet first')
      await useSelectionStore().selectFrame(25)
      await flushPromises()
      expect(stream().attributes('disabled')).toBeUndefined()
      expect(stream().attributes('title')).toBe('One stream: tcp.stream == 2')
      await stream().trigger('click')
      await flushPromises()
      expect(harness.api.callsOf('setView').at(-1)).toEqual([{ filter: 'tcp.stream == 2' }])
    })

    it('should be disabled with no capture open', async () => {
      const wrapper = await mountBar({ initial: 'empty' })
      expect(wrapper.findAll('[data-testid="saved-filter"]').every((button) => button.attributes('disabled') !== undefined)).toBe(true)
      expect(wrapper.get('[data-testid="filter-apply"]').attributes('disabled')).toBeDefined()
    })
  })

  it('should take the focus on Ctrl+/, and on a prepared filter', async () => {
    const wrapper = await mountBar()
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '/', ctrlKey: true }))
    await flushPromises()
    expect(document.activeElement).toBe(input(wrapper).element)
    input(wrapper).element.blur()
    useFilterStore().prepare('ip.ttl == 64')
    await flushPromises()
    expect(document.activeElement).toBe(input(wrapper).element)
    expect(input(wrapper).element.value).toBe('ip.ttl == 64')
    expect(input(wrapper).element.selectionStart).toBe(12)
  })
})
