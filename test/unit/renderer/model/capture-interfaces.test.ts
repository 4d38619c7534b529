import { describe, expect, it } from 'vitest'
import type { CaptureInterface } from '../../../../preload/contract/api'
import { interfaceForHost, isLoopbackHost, preferredInterface } from '../../../../renderer/src/model/capture-interfaces'
import { defaultSaveName, joinServerPath } from '../../../../renderer/src/model/save-names'

const LO: CaptureInterface = { name: 'lo', addresses: ['127.0.0.1'], loopback: true, recommended: false }
const ETH: CaptureInterface = { name: 'eth0', addresses: ['192.168.1.2'], loopback: false, recommended: false }
const WLAN: CaptureInterface = { name: 'wlan0', addresses: ['10.0.0.5'], loopback: false, recommended: true }

describe('model/capture-interfaces', () => {
  it('should prefer the recommended interface, else the first that is not loopback', () => {
    expect(preferredInterface([LO, ETH, WLAN])?.name).toBe('wlan0')
    expect(preferredInterface([LO, ETH])?.name).toBe('eth0')
    expect(preferredInterface([LO])?.name).toBe('lo')
    expect(preferredInterface([])).toBeUndefined()
  })

  it('should know the loopback hosts', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', 'LOCALHOST', 'app.localhost']) expect(isLoopbackHost(host)).toBe(true)
    for (const host of ['128.0.0.1', 'example.com', '10.0.0.1', '127.0.0', '::2']) expect(isLoopbackHost(host)).toBe(false)
  })

  it('should capture a connection to a loopback host on the loopback interface', () => {
    expect(interfaceForHost('127.0.0.1', [ETH, WLAN, LO])?.name).toBe('lo')
    expect(interfaceForHost('example.com', [ETH, WLAN, LO])?.name).toBe('wlan0')
  })
})

describe('model/save-names', () => {
  it('should join a folder and a name in the folder’s separator', () => {
    expect(joinServerPath('/home/ann', 'a.pcap')).toBe('/home/ann/a.pcap')
    expect(joinServerPath('/', 'a.pcap')).toBe('/a.pcap')
    expect(joinServerPath('C:\\Users\\ann', 'a.pcap')).toBe('C:\\Users\\ann\\a.pcap')
  })

  it('should propose the open file’s name, marked when only the displayed packets are saved', () => {
    expect(defaultSaveName('lab.pcap', false)).toBe('lab.pcap')
    expect(defaultSaveName('lab.pcapng.gz', false)).toBe('lab.pcapng')
    expect(defaultSaveName('capture-lo.pcapng', true)).toBe('capture-lo-displayed.pcapng')
    expect(defaultSaveName(undefined, false)).toBe('capture.pcapng')
  })
})
