import { describe, expect, it } from 'vitest'
import {
  edgeBetween,
  edgePath,
  LABEL_FONT_SIZE,
  LABEL_LINE_HEIGHT,
  MACHINE_SIZE,
  NODE_SIZE,
  nodeById,
  STATE_EDGES,
  STATE_NODES,
  type MachineNodeId,
  type Point,
  type StateEdge,
} from '../../../../renderer/src/diagram/state-machine'
import { en, zhCN } from '../../../../renderer/src/locales/teach/explain'

/** RFC 9293 Figure 5, transition by transition: from, to, event, actions. */
const FIGURE_5: Array<[string, string, string, string[]]> = [
  ['CLOSED', 'LISTEN', 'passiveOpen', ['createTcb']],
  ['LISTEN', 'CLOSED', 'close', ['deleteTcb']],
  ['CLOSED', 'SYN-SENT', 'activeOpen', ['createTcb', 'sndSyn']],
  ['LISTEN', 'SYN-RECEIVED', 'rcvSyn', ['sndSynAck']],
  ['LISTEN', 'SYN-SENT', 'send', ['sndSyn']],
  ['SYN-SENT', 'SYN-RECEIVED', 'rcvSyn', ['sndSynAck']],
  ['SYN-SENT', 'CLOSED', 'close', ['deleteTcb']],
  ['SYN-RECEIVED', 'LISTEN', 'rcvRst', []],
  ['SYN-SENT', 'ESTABLISHED', 'rcvSynAck', ['sndAck']],
  ['SYN-RECEIVED', 'ESTABLISHED', 'rcvAckOfSyn', []],
  ['SYN-RECEIVED', 'FIN-WAIT-1', 'close', ['sndFin']],
  ['ESTABLISHED', 'FIN-WAIT-1', 'close', ['sndFin']],
  ['ESTABLISHED', 'CLOSE-WAIT', 'rcvFin', ['sndAck']],
  ['FIN-WAIT-1', 'FIN-WAIT-2', 'rcvAckOfFin', []],
  ['FIN-WAIT-1', 'CLOSING', 'rcvFin', ['sndAck']],
  ['CLOSE-WAIT', 'LAST-ACK', 'close', ['sndFin']],
  ['FIN-WAIT-2', 'TIME-WAIT', 'rcvFin', ['sndAck']],
  ['CLOSING', 'TIME-WAIT', 'rcvAckOfFin', []],
  ['LAST-ACK', 'CLOSED', 'rcvAckOfFin', []],
  ['TIME-WAIT', 'CLOSED', 'timeout2Msl', ['deleteTcb']],
]

interface Box {
  left: number
  right: number
  top: number
  bottom: number
}

/** A generous guess at a text's width in SVG units: CJK full width, capitals and digits wider than the rest. */
function textWidth(text: string, size: number): number {
  let em = 0
  for (const char of text) em += /[\u2e80-\uffff]/.test(char) ? 1 : /[A-Z0-9=+]/.test(char) ? 0.68 : 0.55
  return em * size
}

function labelBox(edge: StateEdge, words: typeof en): Box {
  const lines = [words.machine.event[edge.event], ...edge.actions.map((a) => words.machine.action[a])]
  const width = Math.max(...lines.map((line) => textWidth(line, LABEL_FONT_SIZE)))
  const { x, y, anchor } = edge.label
  const left = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2
  return { left, right: left + width, top: y - 0.8 * LABEL_FONT_SIZE, bottom: y + (lines.length - 1) * LABEL_LINE_HEIGHT + 0.25 * LABEL_FONT_SIZE }
}

function nodeBox(id: MachineNodeId): Box {
  const { x, y } = nodeById(id)
  return { left: x - NODE_SIZE.width / 2, right: x + NODE_SIZE.width / 2, top: y - NODE_SIZE.height / 2, bottom: y + NODE_SIZE.height / 2 }
}

const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

function segmentBox([ax, ay]: Point, [bx, by]: Point): Box {
  return { left: Math.min(ax, bx), right: Math.max(ax, bx), top: Math.min(ay, by), bottom: Math.max(ay, by) }
}

function segments(edge: StateEdge): Box[] {
  return edge.points.slice(1).map((p, i) => segmentBox(edge.points[i]!, p))
}

function onBorder([x, y]: Point, box: Box): boolean {
  const inX = x >= box.left && x <= box.right
  const inY = y >= box.top && y <= box.bottom
  return (inX && (y === box.top || y === box.bottom)) || (inY && (x === box.left || x === box.right))
}

describe('diagram/state-machine', () => {
  it('should have a box for each of RFC 9293’s eleven states, CLOSED at the start and at the end', () => {
    expect(new Set(STATE_NODES.map((n) => n.state))).toEqual(
      new Set(['CLOSED', 'LISTEN', 'SYN-SENT', 'SYN-RECEIVED', 'ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSE-WAIT', 'CLOSING', 'LAST-ACK', 'TIME-WAIT']),
    )
    expect(STATE_NODES.filter((n) => n.state === 'CLOSED').map((n) => n.id)).toEqual(['closed', 'closed-end'])
  })

  it('should have every transition of Figure 5 with its event and action', () => {
    for (const [from, to, event, actions] of FIGURE_5) {
      const edge = edgeBetween(from as never, to as never)
      expect(edge, `${from} → ${to}`).toBeDefined()
      expect(edge!.event).toBe(event)
      expect(edge!.actions).toEqual(actions)
      expect(edge!.note).toBeUndefined()
    }
    expect(STATE_EDGES.filter((e) => e.note === undefined)).toHaveLength(FIGURE_5.length)
  })

  it('should have note 2’s FIN-WAIT-1 → TIME-WAIT, marked as outside the figure', () => {
    const edge = edgeBetween('FIN-WAIT-1', 'TIME-WAIT')
    expect(edge).toMatchObject({ event: 'rcvFinAckOfFin', actions: ['sndAck'], note: 2 })
  })

  it('should find no edge where the figure has none', () => {
    expect(edgeBetween('ESTABLISHED', 'CLOSED')).toBeUndefined()
    expect(edgeBetween('UNKNOWN', 'ESTABLISHED')).toBeUndefined()
    expect(edgeBetween('TIME-WAIT', 'ESTABLISHED')).toBeUndefined()
  })

  it('should end the connection in the bottom CLOSED and begin it in the top one', () => {
    expect(edgeBetween('LAST-ACK', 'CLOSED')!.to).toBe('closed-end')
    expect(edgeBetween('TIME-WAIT', 'CLOSED')!.to).toBe('closed-end')
    expect(edgeBetween('SYN-SENT', 'CLOSED')!.to).toBe('closed')
    expect(edgeBetween('CLOSED', 'SYN-SENT')!.from).toBe('closed')
  })

  it('should reach every state from CLOSED', () => {
    const reached = new Set<MachineNodeId>(['closed'])
    const queue: MachineNodeId[] = ['closed']
    while (queue.length) {
      const at = queue.shift()!
      for (const e of STATE_EDGES.filter((x) => x.from === at && !reached.has(x.to))) {
        reached.add(e.to)
        queue.push(e.to)
      }
    }
    expect([...reached].sort()).toEqual(STATE_NODES.map((n) => n.id).sort())
  })

  it('should route every edge in straight horizontal and vertical runs, from its source box to its target box', () => {
    for (const edge of STATE_EDGES) {
      expect(onBorder(edge.points[0]!, nodeBox(edge.from)), `${edge.id} starts on its box`).toBe(true)
      expect(onBorder(edge.points.at(-1)!, nodeBox(edge.to)), `${edge.id} ends on its box`).toBe(true)
      for (const s of segments(edge)) expect(s.left === s.right || s.top === s.bottom, edge.id).toBe(true)
      expect(edgePath(edge)).toMatch(/^M[\d.]+ [\d.]+( L[\d.]+ [\d.]+)+$/)
    }
  })

  it('should cross no box with an edge', () => {
    for (const edge of STATE_EDGES) {
      for (const node of STATE_NODES.filter((n) => n.id !== edge.from && n.id !== edge.to)) {
        expect(segments(edge).some((s) => overlap(s, nodeBox(node.id))), `${edge.id} crosses ${node.id}`).toBe(false)
      }
    }
  })

  for (const [lang, words] of [
    ['en', en],
    ['zh-CN', zhCN],
  ] as const) {
    describe(`labels in ${lang}`, () => {
      const boxes = STATE_EDGES.map((edge) => ({ edge, box: labelBox(edge, words) }))

      it('should keep every label inside the figure', () => {
        for (const { edge, box } of boxes) {
          expect(box.left >= 0 && box.top >= 0 && box.right <= MACHINE_SIZE.width && box.bottom <= MACHINE_SIZE.height, edge.id).toBe(true)
        }
      })

      it('should not let two labels collide', () => {
        for (const [i, a] of boxes.entries()) {
          for (const b of boxes.slice(i + 1)) expect(overlap(a.box, b.box), `${a.edge.id} and ${b.edge.id}`).toBe(false)
        }
      })

      it('should put no label on a box or across another edge', () => {
        for (const { edge, box } of boxes) {
          for (const node of STATE_NODES) expect(overlap(box, nodeBox(node.id)), `${edge.id} on ${node.id}`).toBe(false)
          for (const other of STATE_EDGES.filter((e) => e !== edge)) {
            expect(segments(other).some((s) => overlap(box, s)), `${edge.id} across ${other.id}`).toBe(false)
          }
        }
      })
    })
  }
})
