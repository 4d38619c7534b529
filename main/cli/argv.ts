// Command-line parsing in tshark's style: short options with a separate value (-e tcp.port),
// repeatable, and positional arguments. Unknown options are errors, never ignored.

export class UsageError extends Error {}

export interface OptionSpec {
  /** Options that take a value, e.g. ['-e', '-E', '-Y']. */
  withValue: readonly string[]
  /** Options without a value, e.g. ['--json']. */
  flags?: readonly string[]
}

export interface ParsedArgs {
  positional: string[]
  values: Map<string, string[]>
  flags: Set<string>
}

/** The capture file: the one positional argument, or -r FILE (as tshark takes it). */
export function captureFileArgument(parsed: ParsedArgs, usage: string): string {
  const file = parsed.values.get('-r')?.[0] ?? parsed.positional[0]
  if (!file || parsed.positional.length > (parsed.values.has('-r') ? 0 : 1)) throw new UsageError(usage)
  return file
}

export function parseArgs(args: readonly string[], spec: OptionSpec): ParsedArgs {
  const parsed: ParsedArgs = { positional: [], values: new Map(), flags: new Set() }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (arg === '--') {
      parsed.positional.push(...args.slice(i + 1))
      break
    }
    // "--port=8080" and "-eVALUE" forms as well as "-e VALUE".
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1
    const name = eq > 0 ? arg.slice(0, eq) : arg
    if (spec.withValue.includes(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i]
      if (value === undefined) throw new UsageError(`option ${name} needs a value`)
      parsed.values.set(name, [...(parsed.values.get(name) ?? []), value])
      continue
    }
    const glued = spec.withValue.find((o) => o.length === 2 && arg.startsWith(o) && arg.length > 2)
    if (glued) {
      parsed.values.set(glued, [...(parsed.values.get(glued) ?? []), arg.slice(2)])
      continue
    }
    if (spec.flags?.includes(arg)) {
      parsed.flags.add(arg)
      continue
    }
    if (arg.startsWith('-') && arg.length > 1) throw new UsageError(`unknown option ${arg}`)
    parsed.positional.push(arg)
  }
  return parsed
}
