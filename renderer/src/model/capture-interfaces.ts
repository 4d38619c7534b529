// Choosing an interface: the one to preselect, and the one a connection to a host goes out on.
import type { CaptureInterface } from '../../../preload/contract/api'

/** The recommended interface (it holds the default route), else the first that is not loopback, else the first. */
export function preferredInterface(interfaces: readonly CaptureInterface[]): CaptureInterface | undefined {
  return interfaces.find((each) => each.recommended) ?? interfaces.find((each) => !each.loopback) ?? interfaces[0]
}

/** 127.0.0.0/8, ::1 and localhost: hosts reached through the loopback interface. */
export function isLoopbackHost(host: string): boolean {
  const name = host.trim().toLowerCase().replace(/^\[|\]$/g, '')
  return name === 'localhost' || name.endsWith('.localhost') || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name)
}

/** Where a connection to `host` is captured: the loopback interface for a loopback host, else the preferred one. */
export function interfaceForHost(host: string, interfaces: readonly CaptureInterface[]): CaptureInterface | undefined {
  if (isLoopbackHost(host)) return interfaces.find((each) => each.loopback) ?? preferredInterface(interfaces)
  return preferredInterface(interfaces)
}
