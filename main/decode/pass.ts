// One pass over a capture, in file order: decodes each frame with what only the order of frames
// can tell (time since the first and the previous frame, UDP conversation numbers, ICMP echo
// replies matched to their requests). The CLI and the session run it the same way.
import type { CaptureInfo, RawFrame } from '../capture/source'
import type { DecodeContext } from './dissection'
import type { Timestamp } from './field'
import { decodeFrame, type DecodedFrame } from './frame'
import { timeDiff } from './time'

export class DecodePass {
  private first?: Timestamp
  private previous?: Timestamp
  private readonly udpStreams = new Map<string, number>()
  private readonly echoRequests = new Map<string, number>()
  private readonly context: DecodeContext

  constructor(private readonly info: CaptureInfo) {
    this.context = {
      showInterface: info.format === 'pcapng',
      udpStream: (key) => {
        let stream = this.udpStreams.get(key)
        if (stream === undefined) {
          stream = this.udpStreams.size
          this.udpStreams.set(key, stream)
        }
        return stream
      },
      echoRequest: (key, isRequest, frame) => {
        if (isRequest) {
          if (!this.echoRequests.has(key)) this.echoRequests.set(key, frame)
          return undefined
        }
        return this.echoRequests.get(key)
      },
    }
  }

  /** Decodes the next frame of the capture (frames must come in file order). */
  decode(raw: RawFrame): DecodedFrame {
    const time = { sec: raw.tsSec, nsec: raw.tsNsec }
    this.first ??= time
    this.context.timeRelative = timeDiff(time, this.first)
    this.context.timeDelta = timeDiff(time, this.previous ?? time)
    this.context.interfaceName = this.info.interfaces[raw.interfaceId]?.name
    this.previous = time
    return decodeFrame(raw, this.context)
  }
}
