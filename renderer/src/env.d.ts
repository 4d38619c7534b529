/// <reference types="vite/client" />
import type { TcpLensApi } from '../../preload/contract/api'

declare global {
  interface Window {
    /** Present in the Electron window (set by the preload); absent in browser mode. */
    tcplens?: TcpLensApi
  }
}

export {}
