// Reading one WebSocket text frame as the contract's WireRequest (preload/contract/api.ts).
// The shape only: the backend validates the method and its arguments.
export type ParsedFrame =
  | { kind: 'request'; id: number; method: string; args: unknown[] }
  /** The frame has an id to answer, but the rest is not a request. */
  | { kind: 'invalid'; id: number; message: string }
  /** Not JSON, or no id: nothing can be answered. */
  | { kind: 'unreadable'; message: string }

function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
}

export function parseWireFrame(text: string): ParsedFrame {
  let message: unknown
  try {
    message = JSON.parse(text)
  } catch {
    return { kind: 'unreadable', message: 'the message is not JSON' }
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return { kind: 'unreadable', message: 'the message is not an object' }
  const { id, method, args } = message as Record<string, unknown>
  if (!isId(id)) return { kind: 'unreadable', message: 'the message has no id (a non-negative integer)' }
  if (typeof method !== 'string') return { kind: 'invalid', id, message: 'the request has no method name' }
  if (!Array.isArray(args)) return { kind: 'invalid', id, message: 'the request’s args must be an array' }
  return { kind: 'request', id, method, args }
}
