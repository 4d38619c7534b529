// The request and answer every demo scenario exchanges: short, readable HTTP-like text, so the
// diagram's arrows show "GET /lesson" and "200 OK" and Follow TCP stream reads as a lesson.
const BODY = 'Hello from TCP Lens: this answer travelled over your own TCP connection.\n'

export const LESSON_REQUEST = 'GET /lesson HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: tcplens-demo\r\n\r\n'

export const LESSON_ANSWER = `HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(BODY)}\r\n\r\n${BODY}`

export const LESSON_REQUEST_BYTES = Buffer.byteLength(LESSON_REQUEST)
export const LESSON_ANSWER_BYTES = Buffer.byteLength(LESSON_ANSWER)
