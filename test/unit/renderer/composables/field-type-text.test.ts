import { describe, expect, it } from 'vitest'
import { fieldTypeKey } from '../../../../renderer/src/composables/field-type-text'
import en from '../../../../renderer/src/locales/en'

describe('composables/field-type-text', () => {
  it("should know Wireshark's type names, sized integers included", () => {
    expect(fieldTypeKey('IPv4 address')).toEqual({ key: 'ipv4', params: {} })
    expect(fieldTypeKey('Unsigned integer (2 bytes)')).toEqual({ key: 'unsigned', params: { bytes: 2 } })
    expect(fieldTypeKey('Unsigned integer (1 byte)')).toEqual({ key: 'unsignedByte', params: { bytes: 1 } })
    expect(fieldTypeKey('Signed integer (4 bytes)')).toEqual({ key: 'signed', params: { bytes: 4 } })
    expect(fieldTypeKey('Something new')).toBeNull()
  })

  it('should word every known type in English exactly as the back end does', () => {
    const names = ['Protocol', 'Label', 'Boolean', 'Ethernet or other MAC address', 'IPv4 address', 'IPv6 address', 'Byte sequence', 'Character string', 'Time offset', 'Frame number', 'Floating point (double-precision)']
    for (const name of names) expect(en.fieldType[fieldTypeKey(name)!.key as keyof typeof en.fieldType]).toBe(name)
  })
})
