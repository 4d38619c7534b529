// The connections the narrative is tested on, built by hand (the shapes main/tcp/steps.ts
// produces): each returns its ConnectionTimeline.
import type { ConnectionTimeline, StepOptions } from '../../../../main/tcp/step'
import { LINUX_TIME_WAIT_SECONDS, RFC_MSL_SECONDS } from '../../../../main/tcp/states'
import { TimelineBuilder, type SegmentSpec } from './timeline'

const LINUX_SYN: StepOptions = { mss: 1460, sackPermitted: true, timestamps: true, wsShift: 7 }
const TIME_WAIT = { code: 'time-wait' as const, frames: [], values: { linux: LINUX_TIME_WAIT_SECONDS, rfcMsl: RFC_MSL_SECONDS } }

/** Wave 1: the client's FIN; the server enters CLOSE-WAIT as it arrives. */
const CLIENT_FIN: SegmentSpec = {
  flags: 'FIN,ACK',
  kind: 'fin',
  phase: 'close',
  step: [1],
  changes: [
    ['client', 'FIN-WAIT-1', 'sent-fin'],
    ['server', 'CLOSE-WAIT', 'received-fin'],
  ],
}

/** Waves 1 and 2: the client's FIN (`after` s after the previous segment) and the server's ACK of it. */
function clientCloses(b: TimelineBuilder, after?: number): void {
  b.send('client', { ...CLIENT_FIN, after }).send('server', { flags: 'ACK', kind: 'fin-ack-of-fin', phase: 'close', step: [2], changes: [['client', 'FIN-WAIT-2', 'received-ack-of-fin']] })
}

/** Waves 3 and 4 after the client closed first: the server's FIN, and the client's last ACK. */
function serverClosesToo(b: TimelineBuilder): void {
  b.send('server', {
    flags: 'FIN,ACK',
    kind: 'fin-second',
    phase: 'close',
    step: [3],
    changes: [
      ['server', 'LAST-ACK', 'sent-fin'],
      ['client', 'TIME-WAIT', 'received-fin'],
    ],
    notes: [TIME_WAIT],
  }).send('client', { flags: 'ACK', kind: 'last-ack', phase: 'close', step: [4], changes: [['server', 'CLOSED', 'received-ack-of-fin']] })
}

/** SYN, SYN-ACK, ACK (frames 1–3). */
function handshake(b: TimelineBuilder): TimelineBuilder {
  return b
    .send('client', { flags: 'SYN', kind: 'syn', phase: 'open', step: [1], options: LINUX_SYN, changes: [['client', 'SYN-SENT', 'sent-syn']] })
    .send('server', {
      flags: 'SYN,ACK',
      kind: 'syn-ack',
      phase: 'open',
      step: [2],
      after: 0.0235,
      window: 65160,
      options: LINUX_SYN,
      changes: [
        ['server', 'SYN-RECEIVED', 'answered-syn'],
        ['client', 'ESTABLISHED', 'received-syn-ack'],
      ],
    })
    .send('client', { flags: 'ACK', kind: 'handshake-ack', phase: 'open', step: [3], after: 0.0001, changes: [['server', 'ESTABLISHED', 'received-ack-of-syn']] })
}

/** A request of 365 bytes and a response of 775 (frames 4–7). */
function exchange(b: TimelineBuilder): TimelineBuilder {
  return b
    .send('client', { flags: 'PSH,ACK', len: 365, kind: 'data', phase: 'data' })
    .send('server', { flags: 'ACK', kind: 'ack', phase: 'data' })
    .send('server', { flags: 'PSH,ACK', len: 775, kind: 'data', phase: 'data' })
    .send('client', { flags: 'ACK', kind: 'ack', phase: 'data' })
}

/** Handshake, data, and the four-way close started by the client (frames 1–11). */
export function normal(): ConnectionTimeline {
  const b = exchange(handshake(new TimelineBuilder()))
  clientCloses(b, 5)
  serverClosesToo(b)
  return b.timeline({ open: 'three-way', close: 'four-way', closeInitiator: 'client', irtt: 0.0236, completeness: 31 })
}

/** The close in three segments: the server's FIN rides on the ACK of the client's (frames 8–10). */
export function mergedClose(): ConnectionTimeline {
  const b = exchange(handshake(new TimelineBuilder()))
  b.send('client', CLIENT_FIN)
    .send('server', {
      flags: 'FIN,ACK',
      kind: 'fin-merged',
      phase: 'close',
      step: [2, 3],
      changes: [
        ['server', 'LAST-ACK', 'sent-fin'],
        ['client', 'TIME-WAIT', 'received-fin-ack-of-fin'],
      ],
      notes: [TIME_WAIT],
    })
    .send('client', { flags: 'ACK', kind: 'last-ack', phase: 'close', step: [4], changes: [['server', 'CLOSED', 'received-ack-of-fin']] })
  return b.timeline({ open: 'three-way', close: 'three-way', closeInitiator: 'client', irtt: 0.0236, completeness: 31 })
}

/** Both sides send a SYN; the SYNs cross; each answers with its own SYN-ACK (RFC 9293 figure 7). */
export function simultaneousOpen(): ConnectionTimeline {
  const b = new TimelineBuilder(undefined, { address: '203.0.113.10', port: 5001, isn: 1209837465, state: 'CLOSED' })
  b.send('client', { flags: 'SYN', kind: 'syn', phase: 'open', step: [1], changes: [['client', 'SYN-SENT', 'sent-syn']] })
    .send('server', {
      flags: 'SYN',
      kind: 'syn-crossed',
      phase: 'open',
      step: [1],
      changes: [
        ['server', 'SYN-SENT', 'sent-syn'],
        ['client', 'SYN-RECEIVED', 'received-syn'],
        ['server', 'SYN-RECEIVED', 'syns-crossed', 1],
      ],
      notes: [
        { code: 'simultaneous-open', frames: [1] },
        { code: 'crossed', frames: [1] },
      ],
    })
    .send('client', {
      flags: 'SYN,ACK',
      seq: 0,
      kind: 'syn-ack',
      phase: 'open',
      step: [2],
      changes: [['server', 'ESTABLISHED', 'received-ack-of-syn']],
      notes: [{ code: 'simultaneous-open', frames: [1], values: { tshark: '' } }],
    })
    .send('server', {
      flags: 'SYN,ACK',
      seq: 0,
      kind: 'syn-ack',
      phase: 'open',
      step: [2],
      changes: [['client', 'ESTABLISHED', 'received-ack-of-syn']],
      notes: [{ code: 'simultaneous-open', frames: [1], values: { tshark: 'retransmission' } }],
      verdicts: 0x0001,
    })
  return b.timeline({ open: 'simultaneous', close: 'none', variants: ['still-open'], completeness: 7 })
}

/** Both FINs cross: both sides pass through CLOSING to TIME-WAIT (frames 8–11). */
export function simultaneousClose(): ConnectionTimeline {
  const b = exchange(handshake(new TimelineBuilder()))
  b.send('client', { flags: 'FIN,ACK', kind: 'fin', phase: 'close', step: [1], after: 5, changes: [['client', 'FIN-WAIT-1', 'sent-fin']] })
    .send('server', {
      flags: 'FIN,ACK',
      kind: 'fin-crossed',
      phase: 'close',
      step: [3],
      ack: 366,
      after: 0.001,
      changes: [
        ['server', 'FIN-WAIT-1', 'sent-fin'],
        ['server', 'CLOSING', 'fins-crossed', 8],
        ['client', 'CLOSING', 'received-fin'],
      ],
      notes: [{ code: 'crossed', frames: [8] }],
    })
    .send('client', { flags: 'ACK', kind: 'closing-ack', phase: 'close', step: [4], changes: [['server', 'TIME-WAIT', 'received-ack-of-fin']] })
    .send('server', { flags: 'ACK', kind: 'closing-ack', phase: 'close', step: [2], after: 0.0001, changes: [['client', 'TIME-WAIT', 'received-ack-of-fin']] })
  return b.timeline({ open: 'three-way', close: 'simultaneous', closeInitiator: 'both', irtt: 0.0236, completeness: 31 })
}

/** SYN answered by RST-ACK: nothing listens on port 81. */
export function refused(): ConnectionTimeline {
  const b = new TimelineBuilder(undefined, { address: '203.0.113.10', port: 81, isn: 0, state: 'LISTEN' })
  b.send('client', { flags: 'SYN', kind: 'syn', phase: 'open', step: [1], options: LINUX_SYN, changes: [['client', 'SYN-SENT', 'sent-syn']] }).send('server', {
    flags: 'RST,ACK',
    kind: 'refusal',
    phase: 'abort',
    window: 0,
    scale: 1,
    after: 0.0002,
    changes: [
      ['server', 'CLOSED', 'refused'],
      ['client', 'CLOSED', 'received-rst'],
    ],
    notes: [{ code: 'refused', frames: [1] }],
  })
  return b.timeline({ open: 'refused', close: 'reset', closeInitiator: 'server', completeness: 33 })
}

/** Four SYNs, 1, 2 and 4 s apart, and no answer. */
export function unanswered(): ConnectionTimeline {
  const b = new TimelineBuilder()
  b.send('client', { flags: 'SYN', kind: 'syn', phase: 'open', step: [1], options: LINUX_SYN, changes: [['client', 'SYN-SENT', 'sent-syn']] })
  const gaps = [1, 2, 4]
  gaps.forEach((gap, i) => {
    const notes = [{ code: 'syn-retry' as const, frames: [i + 1], values: { gap, attempt: i + 1 } }]
    if (i === gaps.length - 1) notes.push({ code: 'syn-backoff' as const, frames: [1, 2, 3, 4], values: { gaps, total: 7, linux: [1, 2, 4, 8, 16, 32], linuxTotal: 63 } } as never)
    b.send('client', { flags: 'SYN', seq: 0, kind: 'syn-retry', phase: 'open', step: [1], after: gap, options: LINUX_SYN, notes, verdicts: 0x0001 })
  })
  return b.timeline({ open: 'unanswered', close: 'none', variants: ['syn-retries'], completeness: 1 })
}

/** The client closes after its request; the server keeps sending, then closes (frames 4–12). */
export function halfClose(): ConnectionTimeline {
  const b = handshake(new TimelineBuilder())
  b.send('client', { flags: 'PSH,ACK', len: 100, kind: 'data', phase: 'data' })
  clientCloses(b)
  b.send('server', { flags: 'PSH,ACK', len: 1000, kind: 'data', phase: 'data', notes: [{ code: 'half-close', frames: [5] }] })
    .send('server', { flags: 'PSH,ACK', len: 1000, kind: 'data', phase: 'data', notes: [{ code: 'half-close', frames: [5] }] })
    .send('client', { flags: 'ACK', kind: 'ack', phase: 'data' })
  serverClosesToo(b)
  return b.timeline({ open: 'three-way', close: 'four-way', closeInitiator: 'client', variants: ['half-close'], irtt: 0.0236, completeness: 31 })
}

/** The client aborts with RST; the server's data crossed it and gets a plain RST (frames 4–8). */
export function rstAbort(): ConnectionTimeline {
  const b = handshake(new TimelineBuilder())
  b.send('client', { flags: 'PSH,ACK', len: 100, kind: 'data', phase: 'data' })
    .send('server', { flags: 'ACK', kind: 'ack', phase: 'data' })
    .send('client', { flags: 'RST,ACK', kind: 'rst', phase: 'abort', after: 2, changes: [['client', 'CLOSED', 'sent-rst']] })
    .send('server', { flags: 'PSH,ACK', len: 50, kind: 'data', phase: 'data', after: 0.0001, notes: [{ code: 'crossed', frames: [6] }] })
    .send('client', {
      flags: 'RST',
      seq: 101,
      kind: 'rst-after-close',
      phase: 'abort',
      window: 0,
      changes: [['server', 'CLOSED', 'received-rst', 6]],
      notes: [{ code: 'rst-in-flight', frames: [7, 6] }],
    })
  return b.timeline({ open: 'three-way', close: 'reset', closeInitiator: 'client', variants: ['rst-in-flight'], irtt: 0.0236, completeness: 47 })
}

/** Already open when the capture started: no handshake, roles guessed from the ports. */
export function midStream(): ConnectionTimeline {
  const b = new TimelineBuilder(
    { address: '10.0.0.5', port: 52100, isn: 2000000000, state: 'UNKNOWN' },
    { address: '10.0.0.9', port: 443, isn: 4294967000, state: 'UNKNOWN' },
    { firstFrame: 1, startSeq: { client: 1, server: 1 } },
  )
  b.send('client', {
    flags: 'PSH,ACK',
    len: 200,
    kind: 'data',
    phase: 'data',
    changes: [
      ['client', 'ESTABLISHED', 'mid-stream'],
      ['server', 'ESTABLISHED', 'mid-stream'],
    ],
    notes: [
      { code: 'not-captured-opening', frames: [] },
      { code: 'roles-guessed', frames: [], values: { client: 52100, server: 443 } },
    ],
  })
    .send('server', { flags: 'ACK', kind: 'ack', phase: 'data' })
    .send('server', { flags: 'PSH,ACK', len: 1400, kind: 'data', phase: 'data' })
    .send('client', { flags: 'ACK', kind: 'ack', phase: 'data' })
  return b.timeline({ open: 'not-captured', close: 'none', variants: ['still-open'], rolesGuessed: true, completeness: 8 })
}

/** After the exchange, 45 s of silence, a keep-alive probe and its ACK (frames 8–9). */
export function keepAlive(): ConnectionTimeline {
  const b = exchange(handshake(new TimelineBuilder()))
  b.send('client', { flags: 'ACK', seq: 365, kind: 'keep-alive', phase: 'data', after: 45, verdicts: 0x0008 }).send('server', {
    flags: 'ACK',
    kind: 'keep-alive-ack',
    phase: 'data',
    verdicts: 0x0100,
  })
  return b.timeline({ open: 'three-way', close: 'none', variants: ['keep-alive', 'still-open'], irtt: 0.0236, completeness: 15 })
}

/** TCP Fast Open: the SYN carries a cookie and 10 bytes, the SYN-ACK accepts them. */
export function fastOpen(): ConnectionTimeline {
  const b = new TimelineBuilder()
  b.send('client', {
    flags: 'SYN',
    len: 10,
    kind: 'syn',
    phase: 'open',
    step: [1],
    options: { ...LINUX_SYN, tfo: 'cookie' },
    changes: [['client', 'SYN-SENT', 'sent-syn']],
    notes: [{ code: 'tfo-cookie', frames: [], values: { data: 10 } }],
  })
    .send('server', {
      flags: 'SYN,ACK',
      kind: 'syn-ack',
      phase: 'open',
      step: [2],
      after: 0.02,
      options: LINUX_SYN,
      changes: [
        ['server', 'SYN-RECEIVED', 'answered-syn'],
        ['client', 'ESTABLISHED', 'received-syn-ack'],
      ],
      notes: [{ code: 'tfo-data-accepted', frames: [1] }],
    })
    .send('client', { flags: 'ACK', kind: 'handshake-ack', phase: 'open', step: [3], changes: [['server', 'ESTABLISHED', 'received-ack-of-syn']] })
  return b.timeline({ open: 'three-way', close: 'none', variants: ['fast-open', 'still-open'], irtt: 0.02, completeness: 15 })
}

export const SCENARIOS: Record<string, () => ConnectionTimeline> = {
  normal,
  mergedClose,
  simultaneousOpen,
  simultaneousClose,
  refused,
  unanswered,
  halfClose,
  rstAbort,
  midStream,
  keepAlive,
  fastOpen,
}
