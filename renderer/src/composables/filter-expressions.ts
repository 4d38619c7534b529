// The display filters the UI writes for the user, so that each one can be seen and learned: the
// saved buttons' classics, one connection, and the context menu's "…and selected" combinations.

export type SavedFilterId = 'handshake' | 'teardown' | 'retransmissions'

/** The classic filters of a TCP lab, as buttons next to the bar. */
export const SAVED_FILTERS: ReadonlyArray<{ id: SavedFilterId; filter: string }> = [
  { id: 'handshake', filter: 'tcp.flags.syn == 1' },
  { id: 'teardown', filter: 'tcp.flags.fin == 1 || tcp.flags.reset == 1' },
  { id: 'retransmissions', filter: 'tcp.analysis.retransmission || tcp.analysis.fast_retransmission || tcp.analysis.spurious_retransmission' },
]

/** The filter of one TCP connection. */
export function streamFilter(stream: number): string {
  return `tcp.stream == ${stream}`
}

/** How a field's filter joins the text already in the bar (Wireshark's Apply/Prepare as Filter variants). */
export type Combination = 'selected' | 'not-selected' | 'and-selected' | 'or-selected'

/** `selected` joined to `current`: `(current) && (selected)`; with nothing current, just `selected` (negated for not). */
export function combineFilters(current: string, selected: string, how: Combination): string {
  const before = current.trim()
  switch (how) {
    case 'selected':
      return selected
    case 'not-selected':
      return `!(${selected})`
    case 'and-selected':
      return before ? `(${before}) && (${selected})` : selected
    case 'or-selected':
      return before ? `(${before}) || (${selected})` : selected
  }
}
