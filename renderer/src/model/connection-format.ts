// How a connection's facts read in the Conversations table (words come from the locale).
import type { ConnectionDto } from '../../../preload/contract/api'

/** tcp.completeness bits, in Wireshark's order, with their locale keys and their letters. */
const COMPLETENESS_FLAGS = [
  { bit: 1, key: 'syn', letter: 'S' },
  { bit: 2, key: 'synAck', letter: 'S' },
  { bit: 4, key: 'ack', letter: 'A' },
  { bit: 8, key: 'data', letter: 'D' },
  { bit: 16, key: 'fin', letter: 'F' },
  { bit: 32, key: 'rst', letter: 'R' },
] as const

export type CompletenessKey = (typeof COMPLETENESS_FLAGS)[number]['key']

/** The locale keys of the flags set in a completeness value, in order. */
export function completenessKeys(completeness: number): CompletenessKey[] {
  return COMPLETENESS_FLAGS.filter((flag) => (completeness & flag.bit) !== 0).map((flag) => flag.key)
}

/** tcp.completeness in six characters, highest bit first (RST, FIN, data, ACK, SYN-ACK, SYN): "·FDASS" for 30, "·" for a flag not seen. */
export function completenessFlags(completeness: number): string {
  return COMPLETENESS_FLAGS.map((flag) => ((completeness & flag.bit) !== 0 ? flag.letter : '·'))
    .reverse()
    .join('')
}

/** "10.0.0.1:40000", with "?" after it when the roles were guessed. */
export function endpointText(endpoint: { address: string; port: number }, guessed: boolean): string {
  const address = endpoint.address.includes(':') ? `[${endpoint.address}]` : endpoint.address
  return `${address}:${endpoint.port}${guessed ? ' ?' : ''}`
}

export type ConversationColumn =
  | 'stream'
  | 'client'
  | 'server'
  | 'packets'
  | 'bytesClient'
  | 'bytesServer'
  | 'duration'
  | 'open'
  | 'close'
  | 'closedFirst'
  | 'clientState'
  | 'serverState'
  | 'completeness'

/** The value a column sorts by. */
function sortKey(connection: ConnectionDto, column: ConversationColumn): number | string {
  switch (column) {
    case 'stream':
      return connection.stream
    case 'client':
      return endpointText(connection.client, false)
    case 'server':
      return endpointText(connection.server, false)
    case 'packets':
      return connection.packets
    case 'bytesClient':
      return connection.bytes.client
    case 'bytesServer':
      return connection.bytes.server
    case 'duration':
      return connection.duration
    case 'open':
      return connection.open
    case 'close':
      return connection.close
    case 'closedFirst':
      return connection.closeInitiator ?? ''
    case 'clientState':
      return connection.client.state
    case 'serverState':
      return connection.server.state
    case 'completeness':
      return connection.completeness
  }
}

export function sortConnections(list: readonly ConnectionDto[], column: ConversationColumn, descending: boolean): ConnectionDto[] {
  return [...list].sort((a, b) => {
    const ka = sortKey(a, column)
    const kb = sortKey(b, column)
    const order = ka < kb ? -1 : ka > kb ? 1 : a.stream - b.stream
    return descending ? -order : order
  })
}
