import { describe, expect, it } from 'vitest'
import { fileFromArgv } from '../../../../main/api/launch-file'

describe('main/api/launch-file', () => {
  it('should take the first argument of a packaged app', () => {
    expect(fileFromArgv(['/opt/TCP Lens/tcp-lens', '/home/s/lab.pcapng'], { packaged: true, cwd: '/home/s' })).toBe('/home/s/lab.pcapng')
  })

  it('should skip the app folder when not packaged', () => {
    expect(fileFromArgv(['/x/electron', '.', 'caps/lab.pcap'], { packaged: false, cwd: '/work' })).toBe('/work/caps/lab.pcap')
    expect(fileFromArgv(['/x/electron', '.'], { packaged: false, cwd: '/work' })).toBeUndefined()
  })

  it('should ignore the switches Chromium adds to a second instance', () => {
    const argv = ['/opt/tcp-lens', '--allow-file-access-from-files', '--original-process-start-time=1337', 'lab.pcap', '--enable-features=X']
    expect(fileFromArgv(argv, { packaged: true, cwd: '/home/s' })).toBe('/home/s/lab.pcap')
  })

  it('should answer nothing when no file was named', () => {
    expect(fileFromArgv(['/opt/tcp-lens'], { packaged: true, cwd: '/' })).toBeUndefined()
    expect(fileFromArgv(['/opt/tcp-lens', '--no-sandbox'], { packaged: true, cwd: '/' })).toBeUndefined()
  })
})
