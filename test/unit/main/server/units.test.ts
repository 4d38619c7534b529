import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkAccess } from '../../../../main/server/access'
import { serverContentSecurityPolicy } from '../../../../main/server/headers'
import { cookieName, newToken, readCookies, tokenCookie, tokensEqual } from '../../../../main/server/token'
import { parseWireFrame } from '../../../../main/server/wire'

const ROOT = resolve(__dirname, '../../../..')

function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/)
        return [name, values.join(' ')]
      }),
  )
}

describe('server/headers: the Content Security Policy', () => {
  it('should be renderer/index.html’s meta tag, with the WebSocket on this port only', () => {
    const html = readFileSync(resolve(ROOT, 'renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta, 'renderer/index.html has a CSP meta tag').toBeDefined()
    const page = directives(meta!)
    const served = directives(serverContentSecurityPolicy(4321))
    expect([...served.keys()].sort()).toEqual([...page.keys()].sort())
    for (const [name, value] of page) if (name !== 'connect-src') expect(served.get(name), name).toBe(value)
    expect(served.get('connect-src')).toBe("'self' ws://127.0.0.1:4321 ws://localhost:4321")
  })
})

describe('server/token', () => {
  it('should make URL-safe tokens of 32 random bytes', () => {
    const tokens = new Set(Array.from({ length: 50 }, newToken))
    expect(tokens.size).toBe(50)
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(Buffer.from(token, 'base64url')).toHaveLength(32)
    }
  })

  it('should compare tokens of any length without throwing', () => {
    expect(tokensEqual('abc', 'abc')).toBe(true)
    expect(tokensEqual('abd', 'abc')).toBe(false)
    expect(tokensEqual('', 'abc')).toBe(false)
    expect(tokensEqual('abcdef', 'abc')).toBe(false)
  })

  it('should read one cookie among several, every value of it', () => {
    expect(readCookies('a=1; tcplens_80=xyz; b=2', 'tcplens_80')).toEqual(['xyz'])
    expect(readCookies('tcplens_80=first; a=1; tcplens_80=second', 'tcplens_80')).toEqual(['first', 'second'])
    expect(readCookies('tcplens_8080=xyz', 'tcplens_80')).toEqual([])
    expect(readCookies(undefined, 'tcplens_80')).toEqual([])
  })

  it('should name the cookie after the port and make it HttpOnly and SameSite=Strict', () => {
    expect(cookieName(8080)).toBe('tcplens_8080')
    expect(tokenCookie(8080, 'T')).toBe('tcplens_8080=T; Path=/; HttpOnly; SameSite=Strict')
  })
})

describe('server/access', () => {
  const policy = { port: 5000, token: 'secret', requireOrigin: false }
  const host = { host: '127.0.0.1:5000' }

  it('should check Host first, then Origin, then the token', () => {
    expect(checkAccess({ url: '/', headers: { host: 'x:5000' } }, policy)).toEqual({ ok: false, status: 403, refusal: 'host' })
    expect(checkAccess({ url: '/', headers: { host: undefined } }, policy)).toEqual({ ok: false, status: 403, refusal: 'host' })
    expect(checkAccess({ url: '/', headers: { ...host, origin: 'null' } }, policy)).toEqual({ ok: false, status: 403, refusal: 'origin' })
    expect(checkAccess({ url: '/', headers: host }, policy)).toEqual({ ok: false, status: 401, refusal: 'no-token' })
    expect(checkAccess({ url: '/?token=', headers: host }, policy)).toEqual({ ok: false, status: 401, refusal: 'no-token' })
    expect(checkAccess({ url: '/?token=nope', headers: host }, policy)).toEqual({ ok: false, status: 403, refusal: 'wrong-token' })
    expect(checkAccess({ url: '/?token=secret', headers: host }, policy)).toEqual({ ok: true, tokenInQuery: true })
    expect(checkAccess({ url: '/', headers: { ...host, cookie: 'tcplens_5000=secret' } }, policy)).toEqual({ ok: true, tokenInQuery: false })
  })

  it('should let a token in the URL win over an old cookie', () => {
    expect(checkAccess({ url: '/?token=secret', headers: { ...host, cookie: 'tcplens_5000=old' } }, policy)).toEqual({ ok: true, tokenInQuery: true })
    expect(checkAccess({ url: '/?token=old', headers: { ...host, cookie: 'tcplens_5000=secret' } }, policy)).toMatchObject({ ok: false, refusal: 'wrong-token' })
  })

  it('should find the token among cookies of the same name that another local page planted', () => {
    expect(checkAccess({ url: '/', headers: { ...host, cookie: 'tcplens_5000=planted; tcplens_5000=secret' } }, policy)).toEqual({ ok: true, tokenInQuery: false })
    expect(checkAccess({ url: '/', headers: { ...host, cookie: 'tcplens_5000=planted; tcplens_5000=other' } }, policy)).toMatchObject({ ok: false, refusal: 'wrong-token' })
    expect(checkAccess({ url: '/', headers: { ...host, cookie: 'tcplens_5000=' } }, policy)).toMatchObject({ ok: false, refusal: 'no-token' })
  })

  it('should require Origin when asked to (WebSocket upgrades)', () => {
    const ws = { ...policy, requireOrigin: true }
    expect(checkAccess({ url: '/ws?token=secret', headers: host }, ws)).toMatchObject({ ok: false, refusal: 'origin' })
    expect(checkAccess({ url: '/ws?token=secret', headers: { ...host, origin: 'http://localhost:5000' } }, ws)).toMatchObject({ ok: true })
  })
})

describe('server/wire: reading a request frame', () => {
  it('should read a well-formed request', () => {
    expect(parseWireFrame('{"id":3,"method":"rows","args":[0,100]}')).toEqual({ kind: 'request', id: 3, method: 'rows', args: [0, 100] })
  })

  it('should keep the id of a request it cannot run, to answer it', () => {
    expect(parseWireFrame('{"id":3,"args":[]}')).toMatchObject({ kind: 'invalid', id: 3 })
    expect(parseWireFrame('{"id":3,"method":"rows","args":{}}')).toMatchObject({ kind: 'invalid', id: 3 })
    expect(parseWireFrame('{"id":3,"method":5,"args":[]}')).toMatchObject({ kind: 'invalid', id: 3 })
  })

  it('should call unreadable what has no usable id', () => {
    for (const text of ['', 'nope', 'null', '7', '[]', '{"method":"rows","args":[]}', '{"id":1.5,"method":"a","args":[]}', '{"id":"1","method":"a","args":[]}']) {
      expect(parseWireFrame(text).kind, text).toBe('unreadable')
    }
  })
})
