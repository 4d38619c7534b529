// The wrapper around `cap` (libpcap/Npcap), loaded lazily: nothing here loads the native module
// until a function is called, so the app and the CLI run (and open files) on a machine where cap
// failed to install. Interfaces (loopback marked, the default route's recommended), capture
// filter checks, and opening an interface with every failure turned into a CaptureProblem.
import { createRequire } from 'node:module'
import type { CaptureFilterCheck, CaptureInterface, CaptureInterfaces } from '../../preload/contract/dto'
import { CaptureProblemError, captureProblem, classifyCaptureError, errorMessage } from './capture-problem'
import { findDefaultRoute, type DefaultRoute, type DefaultRouteProbes } from './default-route'

/** The part of the `cap` module TCP Lens uses (tests pass a fake). */
export interface CapModule {
  Cap: {
    new (): CapHandle
    deviceList(): CapDevice[]
    findDevice(ip?: string): string | undefined
  }
}

export interface CapDevice {
  name: string
  description?: string
  addresses: Array<{ addr: string; netmask?: string; broadaddr?: string }>
  flags?: string
}

export interface CapHandle {
  /** Returns the link type's name ("ETHERNET", "NULL", "LINKTYPE_LINUX_SLL", "Unknown linktype 276"…). */
  open(device: string, filter: string, bufSize: number, buffer: Buffer): string
  close(): void
  on(event: 'packet', listener: (nbytes: number, truncated: boolean) => void): unknown
  removeAllListeners(event?: string): unknown
  setMinBytes?(bytes: number): void
}

// ---------------------------------------------------------------- loading

// A require the bundler leaves alone: cap stays a runtime dependency of out/main/*.js (it is a
// native module, optional, and may be missing).
const runtimeRequire = createRequire(__filename)
const loadFromDisk = (): CapModule => runtimeRequire('cap') as CapModule

let loader: () => CapModule = loadFromDisk
let loaded: { cap: CapModule } | { error: CaptureProblemError } | undefined

/** Tests: load this instead of the real module (undefined restores it); forgets what was loaded. */
export function setCapLoaderForTests(load: (() => CapModule) | undefined): void {
  loader = load ?? loadFromDisk
  loaded = undefined
}

/** The cap module, loaded on first use; throws CaptureProblemError ('no-capture-module', 'no-npcap'). */
export function loadCap(): CapModule {
  if (!loaded) {
    try {
      loaded = { cap: loader() }
    } catch (error) {
      // Node's "Require stack:" lines that follow the first say nothing to the user.
      loaded = { error: new CaptureProblemError(classifyCaptureError(errorMessage(error).split('\n')[0], { loading: true })) }
    }
  }
  if ('error' in loaded) throw loaded.error
  return loaded.cap
}

// ---------------------------------------------------------------- opening

// cap 0.2.1 cannot close a handle whose open() failed after pcap_create (bad filter, permission,
// no such device): close() and even its garbage collection abort the process (uv_poll_stop on a
// poll handle never started). Such handles are kept here for the life of the process, unclosed.
// A filter failure leaves its socket open: checks use a tiny buffer, and answers are cached.
const unclosable: CapHandle[] = []

/** Names cap gives link types (pcap_datalink), as LINKTYPE_ numbers. */
const LINK_TYPES: Record<string, number> = { NULL: 0, ETHERNET: 1, IEEE802_11_RADIO: 127, LINKTYPE_LINUX_SLL: 113, RAW: 101 }

export function linkTypeNumber(name: string): number {
  if (name in LINK_TYPES) return LINK_TYPES[name]
  const dlt = /Unknown linktype (\d+)/.exec(name)
  if (!dlt) throw new CaptureProblemError(captureProblem('failed', `unknown link type ${name}`))
  const value = Number(dlt[1])
  // DLT_RAW is 12 (14 on OpenBSD); LINKTYPE_RAW is 101. Other DLTs equal their LINKTYPE.
  return value === 12 || value === 14 ? 101 : value
}

export interface OpenedInterface {
  handle: CapHandle
  linkType: number
}

/** Tries one open: the handle and its link type, or libpcap's message. */
function tryOpen(cap: CapModule, iface: string, filter: string, bufSize: number, buffer: Buffer): { handle: CapHandle; linkName: string } | { message: string } {
  const handle = new cap.Cap()
  try {
    return { handle, linkName: handle.open(iface, filter, bufSize, buffer) }
  } catch (error) {
    unclosable.push(handle)
    return { message: errorMessage(error) }
  }
}

/**
 * Opens `iface` with `filter`; throws CaptureProblemError. A failure that is not plainly about
 * rights or the device is the filter's when the interface opens without it (libpcap compiles the
 * filter only after activating the interface).
 */
export function openInterface(cap: CapModule, iface: string, filter: string, bufSize: number, buffer: Buffer): OpenedInterface {
  const first = tryOpen(cap, iface, filter, bufSize, buffer)
  if ('handle' in first) {
    try {
      return { handle: first.handle, linkType: linkTypeNumber(first.linkName) }
    } catch (error) {
      first.handle.close()
      throw error
    }
  }
  const problem = classifyCaptureError(first.message)
  if (filter === '' || problem.code === 'permission' || problem.code === 'no-device') throw new CaptureProblemError(problem)
  const bare = tryOpen(cap, iface, '', CHECK_BUFFER_BYTES, buffer)
  if ('handle' in bare) {
    bare.handle.close()
    throw new CaptureProblemError(captureProblem('bad-filter', first.message))
  }
  // The interface itself fails: its own reason, whatever the filter.
  throw new CaptureProblemError(classifyCaptureError(bare.message))
}

// ---------------------------------------------------------------- interfaces

/** 127.0.0.0/8, ::1, or IPv4-mapped 127.x. */
export function isLoopbackAddress(address: string): boolean {
  return /^(::ffff:)?127\./i.test(address) || address === '::1'
}

/** libpcap flags it loopback, or all its addresses are. */
export function isLoopbackDevice(device: CapDevice): boolean {
  if (device.flags?.includes('PCAP_IF_LOOPBACK')) return true
  return device.addresses.length > 0 && device.addresses.every((a) => isLoopbackAddress(a.addr))
}

function holdsRoute(device: CapDevice, route: DefaultRoute): boolean {
  if (route.interfaceName) return device.name === route.interfaceName
  return route.localAddress !== undefined && device.addresses.some((a) => a.addr === route.localAddress)
}

/** Recommended first, then interfaces with addresses, loopback, the rest (Wireshark lists all). */
function rank(i: CaptureInterface): number {
  if (i.recommended) return 0
  if (i.loopback) return 2
  return i.addresses.length > 0 ? 1 : 3
}

export interface ListOptions {
  /** Where the default route goes; default: this machine's routing (tests inject probes). */
  routeProbes?: DefaultRouteProbes
}

/** The interfaces to capture on, or why there are none. */
export async function listInterfaces(cap?: CapModule, options: ListOptions = {}): Promise<CaptureInterfaces> {
  let devices: CapDevice[]
  try {
    devices = (cap ?? loadCap()).Cap.deviceList()
  } catch (error) {
    const problem = error instanceof CaptureProblemError ? error.problem : classifyCaptureError(errorMessage(error))
    return { available: problem.code !== 'no-capture-module' && problem.code !== 'no-npcap', problem, interfaces: [] }
  }
  const route = await findDefaultRoute(options.routeProbes).catch((): DefaultRoute => ({}))
  const interfaces = devices.map((device): CaptureInterface => {
    const entry: CaptureInterface = {
      name: device.name,
      addresses: device.addresses.map((a) => a.addr).filter((a) => a !== undefined),
      loopback: isLoopbackDevice(device),
      recommended: false,
    }
    if (device.description) entry.description = device.description
    entry.recommended = !entry.loopback && holdsRoute(device, route)
    return entry
  })
  // Array.prototype.sort is stable: libpcap's own order within each rank.
  return { available: true, interfaces: interfaces.sort((a, b) => rank(a) - rank(b)) }
}

// ---------------------------------------------------------------- filter check

/** Small: a check captures nothing, and a failed check's socket can never be closed (above). */
const CHECK_BUFFER_BYTES = 1 << 16
const checked = new Map<string, CaptureFilterCheck>()

/** Compiles `filter` on `iface` with libpcap (opens and closes the interface, captures nothing). */
export async function checkCaptureFilter(iface: string, filter: string, cap?: CapModule): Promise<CaptureFilterCheck> {
  let module: CapModule
  try {
    module = cap ?? loadCap()
  } catch (error) {
    if (error instanceof CaptureProblemError) return { ok: false, problem: error.problem }
    throw error
  }
  const key = `${iface}\u0000${filter}`
  const known = checked.get(key)
  // Only failures are remembered: rights and devices can change, but a filter that failed once
  // fails again, and each failed check costs a socket that cannot be closed.
  if (known && !cap) return known
  try {
    const opened = openInterface(module, iface, filter, CHECK_BUFFER_BYTES, Buffer.alloc(CHECK_BUFFER_BYTES))
    opened.handle.close()
    return { ok: true }
  } catch (error) {
    if (!(error instanceof CaptureProblemError)) throw error
    const answer = { ok: false, problem: error.problem }
    if (error.problem.code === 'bad-filter') checked.set(key, answer)
    return answer
  }
}

/** The loopback interface of a list ("lo", "lo0", Npcap's "\\Device\\NPF_Loopback"), if any. */
export function loopbackInterface(interfaces: readonly { name: string; loopback: boolean }[]): string | undefined {
  return interfaces.find((i) => i.loopback)?.name
}
