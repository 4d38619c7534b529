// Shared set-up for renderer tests: a fresh Pinia with the fake api installed, and a mount that
// adds Pinia and vue-i18n.
import { flushPromises, mount, type ComponentMountingOptions } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import type { Component } from 'vue'
import { createUiI18n } from '../../../renderer/src/locales'
import { useApiStore } from '../../../renderer/src/stores/api'
import { createFakeApi, type FakeApi, type FakeApiOptions } from './fake-api'

export interface Harness {
  pinia: Pinia
  api: FakeApi
  i18n: ReturnType<typeof createUiI18n>
}

export function setUp(options: FakeApiOptions = {}): Harness {
  const pinia = createPinia()
  setActivePinia(pinia)
  const api = createFakeApi(options)
  useApiStore().install(api)
  return { pinia, api, i18n: createUiI18n('en') }
}

export function mountWith<C extends Component>(component: C, harness: Harness, options: ComponentMountingOptions<C> = {} as ComponentMountingOptions<C>) {
  return mount(component, {
    ...options,
    attachTo: options.attachTo ?? document.body,
    global: { ...options.global, plugins: [harness.pinia, harness.i18n, ...(options.global?.plugins ?? [])] },
  } as ComponentMountingOptions<C>)
}

/** Gives every element this height (happy-dom has no layout). */
export function fixClientHeight(height: number): () => void {
  const descriptor = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight')
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => height })
  return () => {
    if (descriptor) Object.defineProperty(HTMLElement.prototype, 'clientHeight', descriptor)
  }
}

export { flushPromises }
