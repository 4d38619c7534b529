// Every request that crosses the contract is untrusted until it passes here: the method must be
// one of the contract's, and its arguments an array of the right length whose values have the
// right types and ranges. One table, one row per method (preload/contract/api.ts `Requests`).
import type { ColumnId, DemoScenario, OpenSource, SaveTarget } from '../../preload/contract/dto'
import { PREFERENCE_CHECKS } from '../settings/preferences'
import { ApiFailure, type Method } from './port'

/** An argument check: undefined when the value is good, else what is wrong ("must be …"). */
type Check = (value: unknown) => string | undefined

export interface Parameter {
  name: string
  check: Check
  optional?: boolean
}

export const MAX_ROWS_PER_PAGE = 1000
const MAX_PATH_LENGTH = 4096
const MAX_FILE_NAME_LENGTH = 255
/** The largest capture browser mode accepts as an upload, in bytes (and as base64 text). */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024
export const MAX_UPLOAD_BASE64_LENGTH = Math.ceil(MAX_UPLOAD_BYTES / 3) * 4
/** Frame numbers and stream indexes are 32-bit in every capture format TCP Lens reads. */
const MAX_INDEX = 0xffff_ffff
/** Longer than any filter a person types, short enough that checking it stays instant. */
export const MAX_FILTER_LENGTH = 10_000
const COLUMN_IDS: readonly ColumnId[] = ['no', 'time', 'source', 'destination', 'protocol', 'length', 'info']

// ── checks ──────────────────────────────────────────────────────────────────────────────────────

const describe = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value)

const integer =
  (min: number, max: number): Check =>
  (value) =>
    Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max ? undefined : `must be an integer from ${min} to ${max}`

const boolean: Check = (value) => (typeof value === 'boolean' ? undefined : `must be true or false, not ${describe(value)}`)

const oneOf =
  (values: readonly unknown[]): Check =>
  (value) =>
    values.includes(value) ? undefined : `must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}`

/** A string of 1…maxLength characters with no NUL (which no file system accepts in a name). */
const text =
  (maxLength: number, extra?: { test: (value: string) => boolean; says: string }): Check =>
  (value) => {
    if (typeof value !== 'string') return `must be a string, not ${describe(value)}`
    if (value.length === 0 || value.length > maxLength) return `must have 1 to ${maxLength} characters`
    if (value.includes('\0')) return 'must not contain a NUL character'
    if (extra && !extra.test(value)) return extra.says
    return undefined
  }

const path = text(MAX_PATH_LENGTH)
const fileName = text(MAX_FILE_NAME_LENGTH, { test: (v) => !/[/\\]/.test(v) && v !== '.' && v !== '..', says: 'must be a file name, not a path' })

const base64: Check = (value) => {
  if (typeof value !== 'string') return `must be a base64 string, not ${describe(value)}`
  if (value.length > MAX_UPLOAD_BASE64_LENGTH) return `must encode at most ${MAX_UPLOAD_BYTES} bytes`
  if (value.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) return 'must be base64 (A–Z, a–z, 0–9, +, /, padded with =)'
  return undefined
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && [Object.prototype, null].includes(Object.getPrototypeOf(value))

/** An object with these keys (the optional ones may be absent) and no other key. */
const object =
  (fields: Record<string, Check>, optional: readonly string[] = []): Check =>
  (value) => {
    if (!isPlainObject(value)) return `must be an object, not ${describe(value)}`
    const unknown = Object.keys(value).filter((key) => !Object.hasOwn(fields, key))
    if (unknown.length > 0) return `has unknown key ${JSON.stringify(unknown[0])}`
    for (const [key, check] of Object.entries(fields)) {
      if (!Object.hasOwn(value, key) || value[key] === undefined) {
        if (optional.includes(key)) continue
        return `needs the key "${key}"`
      }
      const problem = check(value[key])
      if (problem) return `.${key} ${problem}`
    }
    return undefined
  }

/** One of several object shapes, told apart by their `kind`. */
const byKind =
  (shapes: Record<string, Check>): Check =>
  (value) => {
    const kind = isPlainObject(value) ? value['kind'] : undefined
    if (typeof kind !== 'string' || !Object.hasOwn(shapes, kind)) return `must have a kind of ${Object.keys(shapes).map((k) => JSON.stringify(k)).join(', ')}`
    return shapes[kind](value)
  }

// ── the table ───────────────────────────────────────────────────────────────────────────────────

const frameNumber = integer(0, MAX_INDEX)
const streamIndex = integer(0, MAX_INDEX)
const lang = oneOf(['en', 'zh-CN'])

const openSource = byKind({
  dialog: object({ kind: oneOf(['dialog']) }),
  sample: object({ kind: oneOf(['sample']) }),
  recent: object({ kind: oneOf(['recent']), path }),
  path: object({ kind: oneOf(['path']), path }),
} satisfies Record<OpenSource['kind'], Check>)

/** A display filter: any text up to MAX_FILTER_LENGTH; "" is no filter. */
const filterText: Check = (value) => {
  if (typeof value !== 'string') return `must be a string, not ${describe(value)}`
  return value.length > MAX_FILTER_LENGTH ? `must have at most ${MAX_FILTER_LENGTH} characters` : undefined
}

const viewSpec = object({ stream: streamIndex, filter: filterText, sort: object({ column: oneOf(COLUMN_IDS), descending: boolean }) }, ['stream', 'filter', 'sort'])

const preferenceChanges = object(
  Object.fromEntries(Object.entries(PREFERENCE_CHECKS).map(([key, accepts]) => [key, (value: unknown) => (accepts(value) ? undefined : 'is not a value this preference takes')])),
  Object.keys(PREFERENCE_CHECKS),
)

/** An interface name as libpcap gives it ("eth0", "\\Device\\NPF_{GUID}"). */
const interfaceName = text(1000)
/** A capture filter (BPF): libpcap compiles it; "" is none. */
const bpfText: Check = (value) => {
  if (typeof value !== 'string') return `must be a string, not ${describe(value)}`
  if (value.includes('\0')) return 'must not contain a NUL character'
  return value.length > MAX_FILTER_LENGTH ? `must have at most ${MAX_FILTER_LENGTH} characters` : undefined
}
const stopConditions = object({ packets: integer(1, 1e9), seconds: integer(1, 7 * 24 * 3600), megabytes: integer(1, 1e6) }, ['packets', 'seconds', 'megabytes'])
const liveCaptureOptions = object({ interface: interfaceName, filter: bpfText, stop: stopConditions }, ['stop'])
const demoScenario = oneOf(['normal', 'server-close', 'half-close', 'refused', 'rst-abort', 'keep-alive'] satisfies DemoScenario[])
/** A host name or an address: letters, digits, dots, hyphens, colons (IPv6), at most 253. */
const hostText = text(253, { test: (v) => /^[A-Za-z0-9._:%-]+$/.test(v), says: 'must be a host name or an IP address' })
const connectTarget = object({ host: hostText, port: integer(1, 65535), interface: interfaceName }, ['interface'])
const saveTarget = byKind({
  dialog: object({ kind: oneOf(['dialog']), displayed: boolean }),
  path: object({ kind: oneOf(['path']), path, displayed: boolean }),
} satisfies Record<SaveTarget['kind'], Check>)

const none: Parameter[] = []

/** Each method's parameters, in order (exported so that tests can generate requests from the spec). */
export const SIGNATURES: { readonly [M in Method]: readonly Parameter[] } = {
  appInfo: none,
  getPreferences: none,
  setPreferences: [{ name: 'changes', check: preferenceChanges }],
  recentFiles: none,
  open: [{ name: 'source', check: openSource }],
  upload: [
    { name: 'name', check: fileName },
    { name: 'base64', check: base64 },
  ],
  listDirectory: [{ name: 'path', check: path, optional: true }],
  cancelOpen: none,
  close: none,
  status: none,
  setView: [{ name: 'view', check: viewSpec }],
  cancelWork: none,
  checkFilter: [{ name: 'text', check: filterText }],
  filterFields: none,
  rows: [
    { name: 'start', check: integer(0, MAX_INDEX) },
    { name: 'count', check: integer(0, MAX_ROWS_PER_PAGE) },
  ],
  positionOf: [{ name: 'frame', check: frameNumber }],
  packet: [{ name: 'frame', check: frameNumber }],
  connections: none,
  narrative: [
    { name: 'stream', check: streamIndex },
    { name: 'lang', check: lang },
  ],
  lab: [
    { name: 'stream', check: streamIndex },
    { name: 'lang', check: lang },
  ],
  flowGraph: [{ name: 'lang', check: lang }],
  expertInfo: none,
  followStream: [{ name: 'stream', check: streamIndex }],
  captureInterfaces: none,
  checkCaptureFilter: [
    { name: 'iface', check: interfaceName },
    { name: 'filter', check: bpfText },
  ],
  startCapture: [{ name: 'options', check: liveCaptureOptions }],
  stopCapture: none,
  restartCapture: none,
  runDemo: [{ name: 'scenario', check: demoScenario }],
  connectTo: [{ name: 'target', check: connectTarget }],
  saveCapture: [{ name: 'target', check: saveTarget }],
}

/** True for a string that may name a file (what `{ kind: 'path' }` accepts). */
export function isPathText(value: unknown): value is string {
  return path(value) === undefined
}

/** Every method of the contract. */
export const METHODS = Object.keys(SIGNATURES) as Method[]

function isMethod(method: unknown): method is Method {
  return typeof method === 'string' && Object.hasOwn(SIGNATURES, method)
}

/**
 * Checks an untrusted request. Answers the method and its arguments (an optional argument that
 * was passed as undefined is dropped); throws ApiFailure('bad-argument') saying what is wrong.
 */
export function validateRequest(method: unknown, args: unknown): { method: Method; args: unknown[] } {
  if (!isMethod(method)) throw new ApiFailure('bad-argument', `unknown method ${JSON.stringify(String(method)).slice(0, 80)}`)
  if (!Array.isArray(args)) throw new ApiFailure('bad-argument', `${method}: the arguments must be an array, not ${describe(args)}`)
  const parameters = SIGNATURES[method]
  const given = args.length > 0 && args[args.length - 1] === undefined && parameters[args.length - 1]?.optional ? args.slice(0, -1) : args
  const required = parameters.filter((p) => !p.optional).length
  if (given.length < required || given.length > parameters.length) {
    const expected = required === parameters.length ? `${required}` : `${required} to ${parameters.length}`
    throw new ApiFailure('bad-argument', `${method}: expected ${expected} argument${parameters.length === 1 ? '' : 's'}, got ${given.length}`)
  }
  given.forEach((value, i) => {
    const problem = parameters[i].check(value)
    if (problem) throw new ApiFailure('bad-argument', `${method}: ${parameters[i].name} ${problem}`)
  })
  return { method, args: [...given] }
}
