// How a failure becomes the ApiError a Result carries: ApiFailure keeps its code, the operating
// system's errors (ENOENT, EACCES …) become not-found or io, and anything else is a bug ('internal').
import type { ApiError, ErrorCode } from '../../preload/contract/result'
import { ApiFailure } from './port'

const CODES: readonly ErrorCode[] = ['bad-argument', 'forbidden', 'not-found', 'no-capture', 'unsupported', 'damaged', 'cancelled', 'io', 'internal']

/** An ApiFailure, or an error that says it is one (rebuilt after crossing a worker boundary). */
function apiFailureCode(error: unknown): ErrorCode | undefined {
  if (error instanceof ApiFailure) return error.code
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown }
  return name === 'ApiFailure' && CODES.includes(code as ErrorCode) ? (code as ErrorCode) : undefined
}

/** The words of anything thrown: an Error's message, else the value as text. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

export function toApiError(error: unknown, method: string): ApiError {
  const code = apiFailureCode(error)
  if (code) return { code, message: messageOf(error) }
  const errno = (error as { code?: unknown } | null)?.code
  if (errno === 'ENOENT' || errno === 'ENOTDIR') return { code: 'not-found', message: messageOf(error) }
  if (typeof errno === 'string' && /^E[A-Z]+$/.test(errno)) return { code: 'io', message: messageOf(error) }
  return { code: 'internal', message: `${method}: ${messageOf(error)}` }
}
