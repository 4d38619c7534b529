// The details tree as plain data: which lines are visible, which node covers a byte, and the
// bytes a node stands for. The tree component and the bytes pane are thin views over this.
import type { FieldNode } from '../../../preload/contract/api'

export interface VisibleNode {
  node: FieldNode
  depth: number
  hasChildren: boolean
  expanded: boolean
}

/** The bytes a field covers in one byte source (with its bit mask, for bit fields). */
export interface ByteRange {
  source: number
  offset: number
  length: number
  bitmask?: number
}

function hasChildren(node: FieldNode): boolean {
  return (node.children?.length ?? 0) > 0
}

/** The lines shown, in order: every root, and the children of expanded nodes. */
export function flattenVisible(tree: readonly FieldNode[], expanded: ReadonlySet<number>): VisibleNode[] {
  const lines: VisibleNode[] = []
  const visit = (nodes: readonly FieldNode[], depth: number): void => {
    for (const node of nodes) {
      const open = hasChildren(node) && expanded.has(node.id)
      lines.push({ node, depth, hasChildren: hasChildren(node), expanded: open })
      if (open) visit(node.children ?? [], depth + 1)
    }
  }
  visit(tree, 0)
  return lines
}

/** Every node in pre-order. */
export function* walk(tree: readonly FieldNode[]): Generator<FieldNode> {
  for (const node of tree) {
    yield node
    if (node.children) yield* walk(node.children)
  }
}

export function findNode(tree: readonly FieldNode[], id: number): FieldNode | undefined {
  for (const node of walk(tree)) if (node.id === id) return node
  return undefined
}

/** The first node with this Wireshark name (tcp.stream …). */
export function findByName(tree: readonly FieldNode[], name: string): FieldNode | undefined {
  for (const node of walk(tree)) if (node.name === name) return node
  return undefined
}

/** The ids of the nodes above a node, outermost first ([] for a root or an unknown id). */
export function ancestorsOf(tree: readonly FieldNode[], id: number): number[] {
  const path: number[] = []
  const search = (nodes: readonly FieldNode[]): boolean => {
    for (const node of nodes) {
      if (node.id === id) return true
      path.push(node.id)
      if (node.children && search(node.children)) return true
      path.pop()
    }
    return false
  }
  return search(tree) ? path : []
}

/** The keys of these nodes and all their descendants that have children ("expand all", "expand subtrees"). */
export function expandableKeys(nodes: readonly FieldNode[]): string[] {
  const keys: string[] = []
  for (const node of walk(nodes)) if (hasChildren(node)) keys.push(nodeKey(node))
  return keys
}

export function covers(node: FieldNode, source: number, offset: number): boolean {
  return node.length > 0 && node.source === source && offset >= node.offset && offset < node.offset + node.length
}

/**
 * The deepest node whose bytes include `offset` of byte source `source` (as Wireshark selects a
 * field when a byte is clicked); between equally deep nodes the shorter (Data before Frame), then
 * the first in the tree (relative tcp.seq before tcp.seq_raw).
 */
export function deepestCovering(tree: readonly FieldNode[], source: number, offset: number): FieldNode | undefined {
  let best: FieldNode | undefined
  let bestDepth = -1
  const visit = (nodes: readonly FieldNode[], depth: number): void => {
    for (const node of nodes) {
      const inside = covers(node, source, offset)
      if (inside && (depth > bestDepth || (depth === bestDepth && best !== undefined && node.length < best.length))) {
        best = node
        bestDepth = depth
      }
      // A node without bytes (a generated line, a text subtree) can still hold children that have some.
      if (node.children && (inside || node.length === 0)) visit(node.children, depth + 1)
    }
  }
  visit(tree, 0)
  return best
}

/** The bytes to highlight for a node; undefined for a line without bytes. */
export function byteRangeOf(node: FieldNode | undefined): ByteRange | undefined {
  if (!node || node.length <= 0) return undefined
  return node.bitmask === undefined
    ? { source: node.source, offset: node.offset, length: node.length }
    : { source: node.source, offset: node.offset, length: node.length, bitmask: node.bitmask }
}

/** What identifies a subtree across packets (Wireshark keeps "Transmission Control Protocol" open). */
export function nodeKey(node: FieldNode): string {
  return node.name || node.label
}

/** The ids of the nodes whose key is in `keys`. */
export function idsForKeys(tree: readonly FieldNode[], keys: ReadonlySet<string>): Set<number> {
  const ids = new Set<number>()
  for (const node of walk(tree)) if (keys.has(nodeKey(node)) && (node.children?.length ?? 0) > 0) ids.add(node.id)
  return ids
}

/** The line as the tree shows it: generated fields in [brackets], as Wireshark. */
export function displayLabel(node: FieldNode): string {
  return node.generated && !node.label.startsWith('[') ? `[${node.label}]` : node.label
}
