import { contextBridge } from 'electron'
import type { TcpLensApi } from './contract/api'

// The renderer sees only these named functions and values, never ipcRenderer itself.
const api: TcpLensApi = {
  transport: 'electron',
  versions: {
    electron: process.versions['electron'] ?? '',
    chrome: process.versions['chrome'] ?? '',
  },
}

contextBridge.exposeInMainWorld('tcplens', api)
