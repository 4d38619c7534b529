import { createPinia } from 'pinia'
import { createApp } from 'vue'
import { resolveApi } from './api'
import App from './App.vue'
import { createUiI18n } from './locales'
import { useApiStore } from './stores/api'
import { useMessagesStore } from './stores/messages'
import './styles/theme.css'

function showFatal(error: unknown): void {
  const root = document.getElementById('app')
  if (!root) return
  const message = document.createElement('pre')
  message.className = 'fatal'
  message.textContent = `TCP Lens could not start / TCP Lens 无法启动:\n${error instanceof Error ? error.message : String(error)}`
  root.replaceChildren(message)
}

async function start(): Promise<void> {
  const pinia = createPinia()
  // A lost WebSocket (browser mode) is said once, as an io error the user can read.
  const api = await resolveApi((reason) => useMessagesStore(pinia).reportError({ code: 'io', message: reason || 'connection lost' }))
  const app = createApp(App)
  app.use(pinia)
  app.use(createUiI18n())
  useApiStore(pinia).install(api)
  app.mount('#app')
}

start().catch(showFatal)
