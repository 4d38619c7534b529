// The Electron channel names of the contract (preload/index.ts uses the same names).
import type { Channel, EventName, Method } from '../../preload/contract/api'

export const requestChannel = (method: Method): Channel => `tcplens:${method}`
export const eventChannel = (event: EventName): Channel => `tcplens:event:${event}`

/** Preload → main, one way: the path of a file the user dropped on the window (see path policy). */
export const DROPPED_CHANNEL = 'tcplens:dropped'
