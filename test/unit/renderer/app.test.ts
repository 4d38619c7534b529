import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import App from '../../../renderer/src/App.vue'

describe('renderer/App', () => {
  it('should show the app name and say it runs in a browser when no bridge is there', () => {
    const wrapper = mount(App)
    expect(wrapper.find('h1').text()).toBe('TCP Lens')
    expect(wrapper.find('[data-testid="transport"]').text()).toBe('browser')
  })

  it('should say it runs in Electron when the preload bridge is there', () => {
    window.tcplens = { transport: 'electron', versions: { electron: '45', chrome: '140' } }
    try {
      expect(mount(App).find('[data-testid="transport"]').text()).toBe('electron')
    } finally {
      delete window.tcplens
    }
  })
})
