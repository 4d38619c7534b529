// The diagram's embedded stylesheet as an element inside the <svg> (a <style> written in a
// template is dropped by Vue's compiler), so an exported file carries its own look.
import { defineComponent, h } from 'vue'

export default defineComponent({
  name: 'SequenceStyle',
  props: { css: { type: String, required: true } },
  setup(props) {
    return () => h('style', props.css)
  },
})
