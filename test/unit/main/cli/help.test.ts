import { describe, expect, it } from 'vitest'
import { COMMAND_NAMES, commandHelp, commandUsage } from '../../../../main/cli/help'
import { tcplens } from './run-cli'

describe('main/cli/help', () => {
  it('should list every command in the overview, with how to get its page', async () => {
    const { code, stdout } = await tcplens('help')
    expect(code).toBe(0)
    for (const name of COMMAND_NAMES) expect(stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'))
    expect(stdout).toContain('tcplens help COMMAND')
  })

  it.each(COMMAND_NAMES)('should print the page of %s for `help NAME`, `NAME --help` and `NAME -h`, exit 0', async (name) => {
    const page = commandHelp(name)
    expect(page).toMatch(new RegExp(`^usage: tcplens ${name}`))
    expect(page).toContain('options:')
    expect(page).toMatch(/example: tcplens /)
    for (const args of [['help', name], [name, '--help'], [name, '-h']]) {
      const { code, stdout, stderr } = await tcplens(...args)
      expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: page, stderr: '' })
    }
  })

  it('should show the page even when other arguments are wrong, but not for a --help after --', async () => {
    expect((await tcplens('conv', 'missing.pcap', '--bogus', '--help')).stdout).toBe(commandHelp('conv'))
    const afterDashes = await tcplens('info', '--', '--help')
    expect(afterDashes.code).not.toBe(0)
    expect(afterDashes.stdout).toBe('')
  })

  it('should name the page in the usage line a command prints when its arguments are wrong', async () => {
    const { code, stderr } = await tcplens('info')
    expect(code).toBe(1)
    expect(stderr).toBe(`tcplens: ${commandUsage('info')}\n`)
    expect(stderr).toContain('tcplens help info for more')
  })

  it('should refuse help on a command that does not exist, and print the overview on stderr without a command', async () => {
    const unknown = await tcplens('help', 'nosuch')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/^tcplens: no command "nosuch"/)
    const bare = await tcplens()
    expect(bare.code).toBe(1)
    expect(bare.stderr).toContain('usage: tcplens COMMAND')
  })
})
