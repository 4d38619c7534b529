import { describe, expect, it } from 'vitest'
import type { FieldNode } from '../../../../preload/contract/api'
import {
  ancestorsOf,
  byteRangeOf,
  deepestCovering,
  displayLabel,
  expandableKeys,
  findByName,
  flattenVisible,
  idsForKeys,
} from '../../../../renderer/src/model/tree-model'
import { fakeTree, REASSEMBLED_FRAME } from '../fake-api'

const tree = fakeTree(3)
const byName = (name: string): FieldNode => findByName(tree, name)!

describe('model/tree-model', () => {
  it('should show only the roots while nothing is expanded', () => {
    expect(flattenVisible(tree, new Set()).map((line) => line.node.name)).toEqual(['frame', 'eth', 'ip', 'tcp', 'tcp.payload'])
  })

  it('should show the children of expanded nodes, one level deeper', () => {
    const lines = flattenVisible(tree, new Set([byName('tcp').id, byName('tcp.flags').id]))
    const flags = lines.find((line) => line.node.name === 'tcp.flags.ack')!
    expect(flags.depth).toBe(2)
    expect(lines.find((line) => line.node.name === 'tcp')!.expanded).toBe(true)
    expect(lines.some((line) => line.node.name === 'eth.src')).toBe(false)
  })

  it('should find the deepest field covering a byte, and the first of equally deep ones', () => {
    // Bytes 38–41 are the sequence number: relative tcp.seq and tcp.seq_raw both cover them.
    expect(deepestCovering(tree, 0, 39)?.name).toBe('tcp.seq')
    expect(deepestCovering(tree, 0, 12)?.name).toBe('eth.type')
    expect(deepestCovering(tree, 0, 47)?.name).toBe('tcp.flags.ack')
    expect(deepestCovering(tree, 0, 60)?.name).toBe('tcp.payload')
    expect(deepestCovering(tree, 1, 0)).toBeUndefined()
  })

  it('should look into the second byte source for reassembled fields', () => {
    const reassembled = fakeTree(REASSEMBLED_FRAME)
    expect(deepestCovering(reassembled, 1, 5)?.name).toBe('tcp.seq')
    expect(deepestCovering(reassembled, 0, 39)?.name).toBe('frame')
  })

  it('should give a field its byte range, with the bit mask of a bit field, and none to a generated line', () => {
    expect(byteRangeOf(byName('tcp.seq'))).toEqual({ source: 0, offset: 38, length: 4 })
    expect(byteRangeOf(byName('ip.hdr_len'))).toEqual({ source: 0, offset: 14, length: 1, bitmask: 0x0f })
    expect(byteRangeOf(byName('tcp.stream'))).toBeUndefined()
  })

  it('should list the ancestors of a node, outermost first', () => {
    expect(ancestorsOf(tree, byName('tcp.flags.push').id)).toEqual([byName('tcp').id, byName('tcp.flags').id])
    expect(ancestorsOf(tree, byName('frame').id)).toEqual([])
  })

  it('should find every expandable node of a subtree', () => {
    expect(expandableKeys([byName('tcp')])).toEqual(['tcp', 'tcp.flags', 'tcp.analysis'])
  })

  it('should keep subtrees open across packets by field name', () => {
    const other = fakeTree(9)
    const ids = idsForKeys(other, new Set(['tcp', 'tcp.flags']))
    expect(ids).toEqual(new Set([findByName(other, 'tcp')!.id, findByName(other, 'tcp.flags')!.id]))
  })

  it('should put generated fields in brackets unless the label has them', () => {
    expect(displayLabel(byName('tcp.stream'))).toBe('[Stream index: 0]')
    expect(displayLabel(byName('tcp.analysis'))).toBe('[SEQ/ACK analysis]')
    expect(displayLabel(byName('tcp.seq'))).toBe('Sequence Number: 1    (relative sequence number)')
  })
})
