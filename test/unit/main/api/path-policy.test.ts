import { describe, expect, it } from 'vitest'
import { anyPathPolicy, chosenPathsPolicy } from '../../../../main/api/path-policy'

describe('main/api/path-policy', () => {
  it('should refuse a path that was not chosen, and allow it once granted', () => {
    const policy = chosenPathsPolicy()
    expect(policy.allows('/home/student/lab.pcap')).toBe(false)
    policy.grant('/home/student/lab.pcap')
    expect(policy.allows('/home/student/lab.pcap')).toBe(true)
    expect(policy.allows('/home/student/other.pcap')).toBe(false)
  })

  it('should compare resolved paths, so ".." cannot reach a granted file\'s neighbours', () => {
    const policy = chosenPathsPolicy()
    policy.grant('/data/caps/../caps/a.pcap')
    expect(policy.allows('/data/caps/a.pcap')).toBe(true)
    expect(policy.allows('/data/caps/a.pcap/../../secret')).toBe(false)
  })

  it('should remember a bounded number of granted paths, forgetting the oldest first', () => {
    const policy = chosenPathsPolicy()
    for (let i = 0; i <= 1000; i++) policy.grant(`/drops/${i}.pcap`)
    expect(policy.allows('/drops/0.pcap')).toBe(false)
    expect(policy.allows('/drops/1000.pcap')).toBe(true)
  })

  it('should allow any path in browser mode', () => {
    expect(anyPathPolicy().allows('/srv/captures/x.pcapng')).toBe(true)
  })
})
