// Whether a demo left a TCP socket or listener open. A destroyed handle is released a loop turn
// or two after its 'close', so this waits (up to a second) for the count to come back to zero.
import { setTimeout as sleep } from 'node:timers/promises'

const openTcpHandles = () => process.getActiveResourcesInfo().filter((name) => name.startsWith('TCP'))

/** The TCP handles still open once the released ones are gone; `kept`: how many the test itself holds. */
export async function tcpHandlesLeft(kept = 0): Promise<string[]> {
  for (let turn = 0; turn < 100 && openTcpHandles().length > kept; turn++) await sleep(10)
  return openTcpHandles()
}
