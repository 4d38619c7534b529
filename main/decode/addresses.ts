// Address text, as Wireshark writes addresses with name resolution off (-n).

import { HEX_BYTE as HEX } from './format'

/** aa:bb:cc:dd:ee:ff, lower case. */
export function macText(bytes: Uint8Array, offset: number, length = 6): string {
  let out = HEX[bytes[offset]]
  for (let i = 1; i < length; i++) out += ':' + HEX[bytes[offset + i]]
  return out
}

// IP address text is shared with the capture readers (name resolution blocks).
export { ipv4Text, ipv6Text } from '../capture/address-text'
