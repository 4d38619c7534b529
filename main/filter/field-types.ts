// What each field type is called, in Wireshark's own words (`tshark -G ftypes`, 4.0): the
// "Unsigned integer (2 bytes)" the filter bar shows next to a field name.
import type { FieldType } from '../decode/field'

const FIELD_TYPE_DESCRIPTIONS: Readonly<Record<FieldType, string>> = {
  protocol: 'Protocol', //               FT_PROTOCOL
  none: 'Label', //                      FT_NONE
  bool: 'Boolean', //                    FT_BOOLEAN
  uint8: 'Unsigned integer (1 byte)', // FT_UINT8
  uint16: 'Unsigned integer (2 bytes)',
  uint24: 'Unsigned integer (3 bytes)',
  uint32: 'Unsigned integer (4 bytes)',
  uint64: 'Unsigned integer (8 bytes)',
  int32: 'Signed integer (4 bytes)', //  FT_INT32
  ether: 'Ethernet or other MAC address',
  ipv4: 'IPv4 address',
  ipv6: 'IPv6 address',
  bytes: 'Byte sequence',
  string: 'Character string',
  time: 'Time offset', //                FT_RELATIVE_TIME (frame.time_epoch is one too in 4.0)
  framenum: 'Frame number',
  double: 'Floating point (double-precision)',
}

/** Wireshark's name for a field type: "IPv4 address", "Boolean", "Label" (presence only). */
export function fieldTypeDescription(type: FieldType): string {
  return FIELD_TYPE_DESCRIPTIONS[type]
}
