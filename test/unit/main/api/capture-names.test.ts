import { describe, expect, it } from 'vitest'
import { CAPTURE_EXTENSIONS, isCaptureName } from '../../../../main/api/capture-names'

describe('api/capture-names', () => {
  it('should recognise capture files by their extension', () => {
    for (const name of ['a.pcap', 'a.pcapng', 'a.cap', 'a.gz', 'a.pcap.gz', 'A.PCAPNG.GZ']) expect(isCaptureName(name), name).toBe(true)
    for (const name of ['a.txt', 'pcap', 'a.pcap.txt', 'a.zip']) expect(isCaptureName(name), name).toBe(false)
  })

  it('should recognise every extension the Open dialog offers, so the two never disagree', () => {
    for (const extension of CAPTURE_EXTENSIONS) expect(isCaptureName(`trace.${extension}`), extension).toBe(true)
  })
})
