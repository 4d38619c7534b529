// A payload in a few words, for the arrow that carries it: the request line of an HTTP request
// without its version ("GET /index.html"), the status of an HTTP response ("200 OK"), or the
// first line of any other text protocol (SMTP's "220 mail.example ESMTP", a POP3 "+OK"). Binary
// payloads (TLS, compressed bodies) get nothing: a row of dots would teach nothing.

/** Longest summary, in characters (longer lines end in "…"). */
export const PAYLOAD_SUMMARY_LENGTH = 40

const METHODS = /^(GET|HEAD|POST|PUT|DELETE|OPTIONS|PATCH|CONNECT|TRACE) (\S+)(?: HTTP\/\d(?:\.\d)?)?$/
const STATUS = /^HTTP\/\d(?:\.\d)? (\d{3})(?: (.*))?$/
/** Only the first bytes are looked at. */
const LOOK = 256
const MIN_TEXT = 3

/** The payload's first line in a few words, or undefined when it is not readable text. */
export function payloadSummary(payload: Uint8Array): string | undefined {
  const line = firstTextLine(payload)
  if (line === undefined) return undefined
  const request = METHODS.exec(line)
  if (request) return shorten(`${request[1]} ${request[2]}`)
  const status = STATUS.exec(line)
  if (status) return shorten(status[2] ? `${status[1]} ${status[2]}` : status[1]!)
  return line.length >= MIN_TEXT ? shorten(line) : undefined
}

/** The first line, if every byte before its end is printable ASCII (else undefined). */
function firstTextLine(payload: Uint8Array): string | undefined {
  const end = Math.min(payload.length, LOOK)
  let text = ''
  for (let i = 0; i < end; i++) {
    const b = payload[i]!
    if (b === 0x0d || b === 0x0a) break
    if (b < 0x20 || b > 0x7e) return undefined
    text += String.fromCharCode(b)
  }
  text = text.trim()
  return text.length > 0 ? text : undefined
}

function shorten(text: string): string {
  return text.length <= PAYLOAD_SUMMARY_LENGTH ? text : `${text.slice(0, PAYLOAD_SUMMARY_LENGTH - 1)}…`
}
