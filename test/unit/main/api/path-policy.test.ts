import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { chosenPathsPolicy, sharedFoldersPolicy } from '../../../../main/api/path-policy'

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

})

describe('main/api/path-policy: the folders browser mode shares', () => {
  const top = realpathSync(mkdtempSync(join(tmpdir(), 'tcplens-shared-')))
  afterAll(() => rmSync(top, { recursive: true, force: true }))
  const shared = join(top, 'captures')
  const outside = join(top, 'private')
  mkdirSync(join(shared, 'week1'), { recursive: true })
  mkdirSync(outside)
  writeFileSync(join(shared, 'week1', 'lab.pcapng'), 'x')
  writeFileSync(join(outside, 'secret.pcapng'), 'x')
  symlinkSync(outside, join(shared, 'link-out'))
  symlinkSync(join(outside, 'secret.pcapng'), join(shared, 'secret-link.pcapng'))
  const policy = sharedFoldersPolicy([shared])

  it('should allow the shared folder, what is inside it, and a file not written yet there', () => {
    expect(policy.roots).toEqual([shared])
    expect(policy.allows(shared)).toBe(true)
    expect(policy.allows(join(shared, 'week1', 'lab.pcapng'))).toBe(true)
    expect(policy.allows(join(shared, 'week1', 'new-save.pcapng'))).toBe(true)
    expect(policy.allows(join(shared, 'new-folder', 'new-save.pcapng'))).toBe(true)
  })

  it('should refuse what is outside, however the path is spelt', () => {
    expect(policy.allows(join(outside, 'secret.pcapng'))).toBe(false)
    expect(policy.allows(join(shared, '..', 'private', 'secret.pcapng'))).toBe(false)
    expect(policy.allows(`${shared}-other/x.pcapng`)).toBe(false)
    expect(policy.allows(top)).toBe(false)
    expect(policy.allows('/etc/passwd')).toBe(false)
  })

  it('should follow links before deciding, so a link inside cannot reach outside', () => {
    expect(policy.allows(join(shared, 'link-out', 'secret.pcapng'))).toBe(false)
    expect(policy.allows(join(shared, 'link-out'))).toBe(false)
    expect(policy.allows(join(shared, 'secret-link.pcapng'))).toBe(false)
    expect(policy.allows(join(shared, 'link-out', 'not-yet.pcapng'))).toBe(false)
  })

  it('should also allow a file granted by name (the one on the command line), and only that one', () => {
    const own = sharedFoldersPolicy([shared])
    own.grant(join(outside, 'secret.pcapng'))
    expect(own.allows(join(outside, 'secret.pcapng'))).toBe(true)
    expect(own.allows(join(outside, 'other.pcapng'))).toBe(false)
    expect(own.contains(join(outside, 'secret.pcapng'))).toBe(false)
  })
})
