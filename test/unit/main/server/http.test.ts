import { existsSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { connect } from 'node:net'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APP_JS, INDEX_HTML, cookieHeader, get, startHarness, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.close())

/** Whether a TCP connection to host:port is accepted. */
function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

describe('server/http: listening', () => {
  it('should print a URL on 127.0.0.1 with its port and the token', () => {
    expect(h.server.url).toBe(`http://127.0.0.1:${h.server.port}/?token=${h.token}`)
    expect(h.server.port).toBeGreaterThan(0)
  })

  it('should listen on 127.0.0.1 only, not on the other addresses of this machine', async () => {
    expect(await connects('127.0.0.1', h.server.port)).toBe(true)
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a !== undefined && !(a.family === 'IPv4' && a.address.startsWith('127.')))
      .map((a) => a!.address.split('%')[0])
    for (const address of ['::1', ...others]) expect(await connects(address, h.server.port), address).toBe(false)
  })

  it('should make a new random token of 32 bytes when none is given', async () => {
    const a = await startHarness({ token: undefined })
    const b = await startHarness({ token: undefined })
    try {
      const tokenA = new URL(a.server.url).searchParams.get('token')!
      const tokenB = new URL(b.server.url).searchParams.get('token')!
      expect(Buffer.from(tokenA, 'base64url')).toHaveLength(32)
      expect(tokenA).not.toBe(tokenB)
    } finally {
      await a.close()
      await b.close()
    }
  })
})

describe('server/http: the token', () => {
  it('should answer 401 with a readable page in both languages without a token', async () => {
    const answer = await get(h.server.port, '/')
    expect(answer.status).toBe(401)
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(answer.body).toMatch(/needs its token/)
    expect(answer.body).toMatch(/需要令牌/)
    expect(answer.body).not.toContain(h.token)
  })

  it('should answer 403 to a wrong token, in the URL or in the cookie', async () => {
    expect((await get(h.server.port, '/?token=guess')).status).toBe(403)
    expect((await get(h.server.port, `/?token=${h.token}x`)).status).toBe(403)
    const cookie = await get(h.server.port, '/', { cookie: `tcplens_${h.server.port}=guess` })
    expect(cookie.status).toBe(403)
    expect(cookie.body).toMatch(/token is wrong/)
  })

  it('should answer 401 to the token of another port’s cookie', async () => {
    expect((await get(h.server.port, '/', { cookie: `tcplens_1=${h.token}` })).status).toBe(401)
  })

  it('should set an HttpOnly SameSite=Strict cookie for the right token and redirect to / without it', async () => {
    const answer = await get(h.server.port, `/?token=${h.token}`)
    expect(answer.status).toBe(303)
    expect(answer.headers.location).toBe('/')
    const cookie = answer.headers['set-cookie']?.[0] ?? ''
    expect(cookie).toContain(`tcplens_${h.server.port}=${h.token}`)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    expect(cookie).toMatch(/Path=\//)

    const page = await get(h.server.port, answer.headers.location!, { cookie: cookie.split(';')[0] })
    expect(page.status).toBe(200)
    expect(page.body).toBe(INDEX_HTML)
  })

  it('should redirect only within this server, whatever slashes the path starts with', async () => {
    for (const path of ['//evil.example/', '///evil.example/', '/\\evil.example/', '/%5Cevil.example/']) {
      const answer = await get(h.server.port, `${path}?token=${h.token}`)
      expect(answer.status, path).toBe(303)
      const target = new URL(answer.headers.location!, `http://127.0.0.1:${h.server.port}/`)
      expect(target.host, path).toBe(`127.0.0.1:${h.server.port}`)
    }
  })

  it('should let the cookie open every file', async () => {
    const answer = await get(h.server.port, '/assets/index-abc123.js', cookieHeader(h))
    expect(answer.status).toBe(200)
    expect(answer.body).toBe(APP_JS)
  })
})

describe('server/http: Host and Origin (DNS rebinding, other sites)', () => {
  it('should accept Host 127.0.0.1:PORT and localhost:PORT', async () => {
    expect((await get(h.server.port, '/', { ...cookieHeader(h), host: `localhost:${h.server.port}` })).status).toBe(200)
    expect((await get(h.server.port, '/', { ...cookieHeader(h), host: `127.0.0.1:${h.server.port}` })).status).toBe(200)
  })

  it('should answer 403 to any other Host, even with the right token', async () => {
    for (const host of ['evil.example', `evil.example:${h.server.port}`, '127.0.0.1', `127.0.0.1:${h.server.port + 1}`, `[::1]:${h.server.port}`]) {
      const answer = await get(h.server.port, `/?token=${h.token}`, { host })
      expect(answer.status, host).toBe(403)
      expect(answer.body).toMatch(/127\.0\.0\.1 and localhost/)
    }
  })

  it('should answer 403 to a foreign Origin, and accept our own', async () => {
    const foreign = await get(h.server.port, '/', { ...cookieHeader(h), origin: 'http://evil.example' })
    expect(foreign.status).toBe(403)
    expect((await get(h.server.port, '/', { ...cookieHeader(h), origin: `http://127.0.0.1:${h.server.port + 1}` })).status).toBe(403)
    expect((await get(h.server.port, '/', { ...cookieHeader(h), origin: `http://localhost:${h.server.port}` })).status).toBe(200)
  })
})

describe('server/http: static files', () => {
  it('should serve index.html at / with the security headers and no caching', async () => {
    const answer = await get(h.server.port, '/', cookieHeader(h))
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(answer.headers['cache-control']).toBe('no-store')
    expect(answer.headers['x-content-type-options']).toBe('nosniff')
    expect(answer.headers['referrer-policy']).toBe('no-referrer')
    const csp = answer.headers['content-security-policy'] as string
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${h.server.port} ws://localhost:${h.server.port}`)
    expect(csp).toContain("frame-ancestors 'none'")
  })

  it('should give each file its content type and cache the hashed assets', async () => {
    const expected: Array<[string, string]> = [
      ['/index.html', 'text/html; charset=utf-8'],
      ['/assets/index-abc123.js', 'text/javascript; charset=utf-8'],
      ['/assets/index-abc123.css', 'text/css; charset=utf-8'],
      ['/assets/nested/logo.svg', 'image/svg+xml'],
    ]
    for (const [path, type] of expected) {
      const answer = await get(h.server.port, path, cookieHeader(h))
      expect(answer.status, path).toBe(200)
      expect(answer.headers['content-type'], path).toBe(type)
      expect(answer.headers['x-content-type-options']).toBe('nosniff')
    }
    expect((await get(h.server.port, '/assets/index-abc123.js', cookieHeader(h))).headers['cache-control']).toMatch(/immutable/)
  })

  it('should answer HEAD with the headers only', async () => {
    const answer = await get(h.server.port, '/assets/index-abc123.js', cookieHeader(h), 'HEAD')
    expect(answer.status).toBe(200)
    expect(answer.headers['content-length']).toBe(String(Buffer.byteLength(APP_JS)))
    expect(answer.body).toBe('')
  })

  it('should refuse other methods with 405', async () => {
    const answer = await get(h.server.port, '/', cookieHeader(h), 'POST')
    expect(answer.status).toBe(405)
    expect(answer.headers.allow).toBe('GET, HEAD')
  })

  it('should list no directory', async () => {
    for (const path of ['/assets', '/assets/', '/assets/nested/']) {
      const answer = await get(h.server.port, path, cookieHeader(h))
      expect(answer.status, path).toBe(404)
      expect(answer.body).not.toContain('index-abc123')
    }
  })

  it('should answer 404 to a missing file', async () => {
    expect((await get(h.server.port, '/nothing.js', cookieHeader(h))).status).toBe(404)
  })

  it('should never serve a file outside the root, however the path is written', async () => {
    const attempts = [
      '/../secret.txt',
      '/../private/secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/private/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fprivate%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/..\\..\\secret.txt',
      `/${encodeURIComponent(h.outside + '/secret.txt')}`,
      `/${h.outside}/secret.txt`,
      `//${h.outside}/secret.txt`,
      '/%00/secret.txt',
      '/assets/link.txt',
    ]
    for (const path of attempts) {
      const answer = await get(h.server.port, path, cookieHeader(h))
      expect([400, 404], path).toContain(answer.status)
      expect(answer.body, path).not.toContain('outside the root')
    }
  })

  it('should answer 400 to a path that is not valid percent-encoding', async () => {
    expect((await get(h.server.port, '/%E0%A4%A', cookieHeader(h))).status).toBe(400)
  })
})

describe('server/http: a download the browser abandons', () => {
  /** The descriptors this process holds open on `file` (Linux), else undefined. */
  function descriptorsOn(file: string): number | undefined {
    if (!existsSync('/proc/self/fd')) return undefined
    return readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`) === file
      } catch {
        return false
      }
    }).length
  }

  it('should close the file when the connection goes before the end', async () => {
    const big = join(h.root, 'assets', 'big-abc123.bin')
    writeFileSync(big, Buffer.alloc(32 * 1024 * 1024))
    for (let i = 0; i < 3; i++) {
      await new Promise<void>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: h.server.port, path: '/assets/big-abc123.bin', headers: { host: `127.0.0.1:${h.server.port}`, ...cookieHeader(h) }, agent: false }, (res) => {
          res.once('data', () => {
            req.destroy()
            resolve()
          })
        })
        req.on('error', (error) => (req.destroyed ? undefined : reject(error)))
        req.end()
      })
    }
    for (let i = 0; i < 100 && descriptorsOn(big); i++) await new Promise((resolve) => setTimeout(resolve, 10))
    expect(descriptorsOn(big) ?? 0).toBe(0)
  })
})
