import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { h } from 'vue'
import AwaitedAnswer from '../../../../renderer/src/components/common/AwaitedAnswer.vue'
import { mountWith, setUp } from '../harness'

enableAutoUnmount(afterEach)

afterEach(() => {
  document.body.innerHTML = ''
})

function mountAnswer(props: { busy: boolean; answer: string[] | null; empty?: string }) {
  return mountWith(AwaitedAnswer, setUp(), {
    props: { request: 'connections', testid: 'answer-busy', ...props },
    slots: { default: ({ answer }: { answer: unknown }) => h('ul', { 'data-testid': 'answer' }, (answer as string[]).map((item) => h('li', item))) },
  })
}

describe('components/common/AwaitedAnswer', () => {
  it("should show the request's busy words while it is under way, and nothing else", () => {
    const wrapper = mountAnswer({ busy: true, answer: ['old'] })
    expect(wrapper.get('[data-testid="answer-busy"]').text()).toBe('Summarising the connections…')
    expect(wrapper.find('[data-testid="answer"]').exists()).toBe(false)
  })

  it('should say the request failed when no answer came', () => {
    const wrapper = mountAnswer({ busy: false, answer: null, empty: 'No connections' })
    expect(wrapper.text()).toContain('the request failed')
    expect(wrapper.text()).not.toContain('No connections')
  })

  it('should give the words for an empty answer instead of the slot', () => {
    const wrapper = mountAnswer({ busy: false, answer: [], empty: 'No connections' })
    expect(wrapper.get('p.hint').text()).toBe('No connections')
    expect(wrapper.find('[data-testid="answer"]').exists()).toBe(false)
  })

  it('should hand the answer to its slot', () => {
    const wrapper = mountAnswer({ busy: false, answer: ['a', 'b'] })
    expect(wrapper.findAll('[data-testid="answer"] li').map((item) => item.text())).toEqual(['a', 'b'])
  })
})
