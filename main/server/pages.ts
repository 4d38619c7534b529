// The short pages the server answers when it refuses a request, in English and 简体中文.
import type { Refusal } from './access'

export type ProblemKind = Refusal | 'not-found' | 'method' | 'bad-request'

const TEXTS: Record<ProblemKind, { en: string; zh: string }> = {
  'no-token': {
    en: 'This TCP Lens server needs its token. Open the address that “tcplens serve” printed (it ends in ?token=…).',
    zh: '此 TCP Lens 服务器需要令牌。请打开 “tcplens serve” 打印的地址（以 ?token=… 结尾）。',
  },
  'wrong-token': {
    en: 'The token is wrong, or comes from an earlier run of “tcplens serve”. Open the address the running server printed.',
    zh: '令牌不正确，或来自之前运行的 “tcplens serve”。请打开正在运行的服务器打印的地址。',
  },
  host: {
    en: 'This server answers only to 127.0.0.1 and localhost on its own port.',
    zh: '此服务器只接受通过 127.0.0.1 或 localhost（及其端口）的访问。',
  },
  origin: {
    en: 'Requests from other sites are refused.',
    zh: '来自其他网站的请求被拒绝。',
  },
  'not-found': { en: 'Not found.', zh: '未找到。' },
  method: { en: 'Only GET and HEAD are answered here.', zh: '此处只接受 GET 和 HEAD 请求。' },
  'bad-request': { en: 'The request could not be understood.', zh: '无法理解此请求。' },
}

export const PROBLEM_STATUS: Record<ProblemKind, number> = {
  'no-token': 401,
  'wrong-token': 403,
  host: 403,
  origin: 403,
  'not-found': 404,
  method: 405,
  'bad-request': 400,
}

/** One line per language, for plain-text answers (a refused WebSocket upgrade). */
export function problemText(kind: ProblemKind): string {
  const { en, zh } = TEXTS[kind]
  return `${en}\n${zh}\n`
}

/** A small self-contained HTML page (no scripts, no external resources). */
export function problemPage(kind: ProblemKind): string {
  const { en, zh } = TEXTS[kind]
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>TCP Lens: ${PROBLEM_STATUS[kind]}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40em; margin: 3em auto; line-height: 1.5">
<h1>TCP Lens</h1>
<p>${en}</p>
<p lang="zh-CN">${zh}</p>
</body></html>
`
}
