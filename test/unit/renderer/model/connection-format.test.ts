import { describe, expect, it } from 'vitest'
import { completenessFlags, completenessKeys, endpointText, sortConnections } from '../../../../renderer/src/model/connection-format'
import { fakeConnection } from '../fake-api'

describe('model/connection-format', () => {
  it("should name the completeness flags in Wireshark's order", () => {
    expect(completenessKeys(31)).toEqual(['syn', 'synAck', 'ack', 'data', 'fin'])
    expect(completenessKeys(47)).toEqual(['syn', 'synAck', 'ack', 'data', 'rst'])
    expect(completenessKeys(0)).toEqual([])
  })

  it('should write completeness in six letters, RST first, with a dot for each flag not seen', () => {
    expect(completenessFlags(31)).toBe('·FDASS')
    expect(completenessFlags(47)).toBe('R·DASS')
    expect(completenessFlags(37)).toBe('R··A·S')
    expect(completenessFlags(1)).toBe('·····S')
    expect(completenessFlags(0)).toBe('······')
  })

  it('should write endpoints with a "?" when the roles were guessed, and IPv6 in brackets', () => {
    expect(endpointText({ address: '10.0.0.1', port: 80 }, true)).toBe('10.0.0.1:80 ?')
    expect(endpointText({ address: '2001:db8::1', port: 443 }, false)).toBe('[2001:db8::1]:443')
  })

  it('should sort connections by a column either way', () => {
    const list = [0, 1, 2].map((stream) => fakeConnection(stream, 300))
    expect(sortConnections(list, 'bytesServer', true).map((c) => c.stream)).toEqual([2, 1, 0])
    expect(sortConnections(list, 'close', false).map((c) => c.close)).toEqual(['four-way', 'four-way', 'reset'])
  })
})
