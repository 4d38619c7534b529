// A protocol's value, as Wireshark 4.0 uses it in two ways: `contains` and `matches` search every
// captured byte from the protocol's first byte to the end of what it carries (`tcp contains "GET"`
// finds the request after the TCP header), while a slice and len() see only the protocol's own
// item: its header (tshark: `len(ip) == 20` on every plain IPv4 packet, `ip[20:2]` selects
// nothing).
export class ProtocolValue extends Uint8Array {
  /** subarray(), slice() … of a protocol's value are plain bytes. */
  static get [Symbol.species](): Uint8ArrayConstructor {
    return Uint8Array
  }

  /** How many of these bytes the protocol's own item covers. */
  itemLength = 0

  /** The bytes of the protocol's own item. */
  item(): Uint8Array {
    return this.subarray(0, this.itemLength)
  }
}

/** `bytes` as a protocol's value whose own item is its first `itemLength` bytes. */
export function protocolValue(bytes: Uint8Array, itemLength: number): ProtocolValue {
  const value = new ProtocolValue(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.length)
  value.itemLength = Math.max(0, Math.min(itemLength, bytes.length))
  return value
}

/** The bytes a slice or len() sees of a value: a protocol's own item, anything else whole. */
export function itemBytes(value: Uint8Array): Uint8Array {
  return value instanceof ProtocolValue ? value.item() : value
}
