import { describe, expect, it } from 'vitest'
import { cliArgsFromAppArgv } from '../../../../main/cli/app-command'

describe('main/cli/app-command', () => {
  it('should run the command line when the installed app is called with a command', () => {
    expect(cliArgsFromAppArgv(['/usr/bin/tcplens', 'conv', 'lab.pcapng'], { packaged: true })).toEqual(['conv', 'lab.pcapng'])
    expect(cliArgsFromAppArgv(['/opt/TCP Lens/tcplens', 'help', 'fields'], { packaged: true })).toEqual(['help', 'fields'])
    expect(cliArgsFromAppArgv(['tcplens', '--help'], { packaged: true })).toEqual(['--help'])
  })

  it('should skip the app folder argument of an unpackaged app', () => {
    expect(cliArgsFromAppArgv(['electron', '.', 'info', 'x.pcap'], { packaged: false })).toEqual(['info', 'x.pcap'])
    expect(cliArgsFromAppArgv(['electron', '.'], { packaged: false })).toBeUndefined()
  })

  it('should open the window for a file, for nothing, and for Chromium switches', () => {
    expect(cliArgsFromAppArgv(['tcplens', 'lab.pcapng'], { packaged: true })).toBeUndefined()
    expect(cliArgsFromAppArgv(['tcplens'], { packaged: true })).toBeUndefined()
    expect(cliArgsFromAppArgv(['tcplens', '--no-sandbox', 'conv'], { packaged: true })).toBeUndefined()
    expect(cliArgsFromAppArgv(['tcplens', '/home/ana/conv'], { packaged: true })).toBeUndefined()
  })
})
