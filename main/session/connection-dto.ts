// A connection's summary as the Conversations table receives it (`tcplens conv --json` without
// the steps).
import type { ConnectionDto } from '../../preload/contract/dto'
import type { ConnectionTimeline } from '../tcp/step'

export function connectionDto(c: ConnectionTimeline): ConnectionDto {
  return {
    stream: c.stream,
    client: { ...c.client },
    server: { ...c.server },
    rolesGuessed: c.rolesGuessed,
    open: c.open,
    close: c.close,
    closeInitiator: c.closeInitiator,
    completeness: c.completeness,
    firstFrame: c.firstFrame,
    lastFrame: c.lastFrame,
    packets: c.packets,
    bytes: { ...c.bytes },
    irtt: c.irtt,
    duration: c.duration,
    startTime: c.startTime,
    variants: [...c.variants],
  }
}
