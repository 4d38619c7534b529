// Every call across the contract answers with a Result: a value, or an error that says what went
// wrong in words a user can read. Nothing throws across a process boundary. Types only.

/** Stable error codes; `message` is English, the renderer words it in the UI language by code. */
export type ErrorCode =
  | 'bad-argument' //   an argument failed validation (type, range, unknown stream …)
  | 'bad-filter' //     the display filter is not valid (checkFilter says what and where)
  | 'forbidden' //      the sender is not our page, or the path was not chosen by the user
  | 'not-found' //      no such file, frame or stream
  | 'no-capture' //     the call needs an open capture and none is open
  | 'unsupported' //    not a capture file TCP Lens can read, or not on this transport
  | 'damaged' //        the file is damaged (the frames before the damage were read)
  | 'cancelled' //      the user cancelled it
  | 'io' //             the operating system refused (permissions, disk)
  | 'internal' //       a bug: the message says where

export interface ApiError {
  code: ErrorCode
  message: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }
