// A field's value type in the UI language. The back end names it in Wireshark's English words
// ("Unsigned integer (2 bytes)", "IPv4 address"); the filter bar's suggestions show it in the
// user's language, and any name it does not know as it came.
import { useI18n } from 'vue-i18n'

/** Wireshark's type names and the locale key (under fieldType) of each. */
const FIXED_TYPES: Readonly<Record<string, string>> = {
  Protocol: 'protocol',
  Label: 'label',
  Boolean: 'boolean',
  'Ethernet or other MAC address': 'ether',
  'IPv4 address': 'ipv4',
  'IPv6 address': 'ipv6',
  'Byte sequence': 'bytes',
  'Character string': 'string',
  'Time offset': 'time',
  'Frame number': 'framenum',
  'Floating point (double-precision)': 'double',
}

const SIZED_INTEGER = /^(Unsigned|Signed) integer \((\d+) bytes?\)$/

/** The locale key and its parameters for a type name, or null for one it does not know. */
export function fieldTypeKey(type: string): { key: string; params: Record<string, number> } | null {
  const fixed = FIXED_TYPES[type]
  if (fixed) return { key: fixed, params: {} }
  const sized = SIZED_INTEGER.exec(type)
  if (!sized) return null
  const bytes = Number(sized[2])
  const signed = sized[1] === 'Signed' ? 'signed' : 'unsigned'
  return { key: bytes === 1 ? `${signed}Byte` : signed, params: { bytes } }
}

/** The function that words a type name in the UI language. */
export function useFieldTypeText(): (type: string) => string {
  const { t } = useI18n()
  return (type) => {
    const known = fieldTypeKey(type)
    return known ? t(`fieldType.${known.key}`, known.params) : type
  }
}
