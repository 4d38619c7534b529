import { describe, expect, it } from 'vitest'
import type { Method } from '../../../../main/api/port'
import { ApiFailure } from '../../../../main/api/port'
import { MAX_FILTER_LENGTH, MAX_ROWS_PER_PAGE, MAX_UPLOAD_BASE64_LENGTH, METHODS, validateRequest } from '../../../../main/api/validate'

/** For each method: argument lists that must pass, and ones that must be refused. */
const CASES: { [M in Method]: { good: unknown[][]; bad: unknown[][] } } = {
  appInfo: { good: [[]], bad: [[1], [undefined, 1]] },
  getPreferences: { good: [[]], bad: [['x']] },
  setPreferences: {
    good: [[{}], [{ language: 'zh-CN' }], [{ theme: 'dark', timeFormat: 'epoch', fontScale: 1.25, language: 'system' }]],
    bad: [[], [null], [[]], [{ language: 'fr' }], [{ theme: 'blue' }], [{ fontScale: 0 }], [{ fontScale: Number.NaN }], [{ fontScale: '1' }], [{ colour: 'red' }], [{ theme: 'dark' }, {}]],
  },
  recentFiles: { good: [[]], bad: [[{}]] },
  open: {
    good: [[{ kind: 'dialog' }], [{ kind: 'sample' }], [{ kind: 'recent', path: '/tmp/a.pcap' }], [{ kind: 'path', path: 'C:\\caps\\a.pcapng' }]],
    bad: [
      [],
      [{ kind: 'url', path: 'http://x' }],
      [{ kind: 'path' }],
      [{ kind: 'path', path: '' }],
      [{ kind: 'path', path: 42 }],
      [{ kind: 'path', path: 'a\0b' }],
      [{ kind: 'path', path: 'x'.repeat(5000) }],
      [{ kind: 'dialog', path: '/etc/passwd' }],
      [{ kind: '__proto__' }],
      ['/tmp/a.pcap'],
    ],
  },
  upload: {
    good: [['lab.pcapng', 'AAAA'], ['中文.pcap', '']],
    bad: [['../x.pcap', 'AAAA'], ['a/b.pcap', 'AAAA'], ['', 'AAAA'], ['a.pcap', 'AAA'], ['a.pcap', 'AA$A'], ['a.pcap', 'A'.repeat(MAX_UPLOAD_BASE64_LENGTH + 4)], ['a.pcap']],
  },
  listDirectory: { good: [[], ['/home'], [undefined]], bad: [[''], [3], ['/a', '/b']] },
  cancelOpen: { good: [[]], bad: [[true]] },
  close: { good: [[]], bad: [[0]] },
  status: { good: [[]], bad: [[0]] },
  setView: {
    good: [[{}], [{ stream: 0 }], [{ sort: { column: 'time', descending: true } }], [{ stream: 3, sort: { column: 'info', descending: false } }], [{ filter: '' }], [{ filter: 'tcp.port == 80', stream: 2 }]],
    bad: [[], [{ stream: -1 }], [{ stream: 1.5 }], [{ sort: { column: 'colour', descending: false } }], [{ sort: { column: 'no' } }], [{ filter: 42 }], [{ filter: 'x'.repeat(MAX_FILTER_LENGTH + 1) }], [{ sort: { column: 'no', descending: 'yes' } }]],
  },
  rows: {
    good: [[0, 0], [100, MAX_ROWS_PER_PAGE]],
    bad: [[0], [-1, 10], [0, MAX_ROWS_PER_PAGE + 1], [0.5, 10], ['0', 10], [0, 10, 1], [Number.POSITIVE_INFINITY, 1]],
  },
  positionOf: { good: [[1]], bad: [[-1], ['1'], []] },
  packet: { good: [[1], [0]], bad: [[-3], [null], [2 ** 40]] },
  connections: { good: [[]], bad: [[0]] },
  narrative: { good: [[0, 'en'], [7, 'zh-CN']], bad: [[0], [0, 'fr'], [0, 'system'], [-1, 'en'], [0, 'en', 1]] },
  lab: { good: [[0, 'en'], [3, 'zh-CN']], bad: [[0], [0, 'de'], [-1, 'en'], ['0', 'en']] },
  flowGraph: { good: [['en'], ['zh-CN']], bad: [[], ['fr'], [0], ['en', 1]] },
  expertInfo: { good: [[]], bad: [['all']] },
  followStream: { good: [[0]], bad: [[], [-1], ['0']] },
  cancelWork: { good: [[]], bad: [[1]] },
  checkFilter: { good: [[''], ['tcp.port == 80'], ['x'.repeat(MAX_FILTER_LENGTH)]], bad: [[], [1], ['x'.repeat(MAX_FILTER_LENGTH + 1)], ['tcp', 'tcp']] },
  filterFields: { good: [[]], bad: [['tcp']] },
  captureInterfaces: { good: [[]], bad: [[1]] },
  checkCaptureFilter: {
    good: [['lo', ''], ['eth0', 'tcp port 80'], ['\\Device\\NPF_{0A1B}', 'tcp[tcpflags] & (tcp-syn|tcp-fin|tcp-rst) != 0']],
    bad: [['lo'], ['', 'tcp'], ['lo', 3], ['lo', 'tcp\0'], ['lo', 'x'.repeat(MAX_FILTER_LENGTH + 1)]],
  },
  startCapture: {
    good: [[{ interface: 'lo', filter: '' }], [{ interface: 'eth0', filter: 'tcp', stop: { packets: 100, seconds: 10, megabytes: 5 } }], [{ interface: 'lo', filter: '', stop: {} }]],
    bad: [[], [{ interface: 'lo' }], [{ interface: 'lo', filter: '', stop: { packets: 0 } }], [{ interface: 'lo', filter: '', stop: { minutes: 1 } }], [{ interface: 'lo', filter: '', promiscuous: true }]],
  },
  stopCapture: { good: [[]], bad: [[true]] },
  restartCapture: { good: [[]], bad: [['lo']] },
  runDemo: { good: [['normal'], ['refused'], ['keep-alive']], bad: [[], ['flood'], [1]] },
  connectTo: {
    good: [[{ host: '127.0.0.1', port: 80 }], [{ host: 'example.com', port: 443, interface: 'eth0' }], [{ host: '::1', port: 8080 }]],
    bad: [[{ host: '127.0.0.1', port: 0 }], [{ host: 'a b', port: 80 }], [{ host: '127.0.0.1' }], [{ host: '', port: 80 }], [{ host: 'x', port: 70000 }]],
  },
  saveCapture: {
    good: [[{ kind: 'dialog', displayed: false }], [{ kind: 'path', path: '/tmp/a.pcap', displayed: true }]],
    bad: [[], [{ kind: 'dialog' }], [{ kind: 'path', displayed: false }], [{ kind: 'file', path: '/tmp/a', displayed: false }]],
  },
}

function refusal(method: unknown, args: unknown): ApiFailure {
  try {
    validateRequest(method, args)
  } catch (error) {
    if (error instanceof ApiFailure) return error
    throw error
  }
  throw new Error(`accepted ${String(method)}(${JSON.stringify(args)})`)
}

describe('main/api/validate', () => {
  it('should have cases for every method of the contract', () => {
    expect(Object.keys(CASES).sort()).toEqual([...METHODS].sort())
  })

  for (const method of METHODS) {
    describe(method, () => {
      for (const args of CASES[method].good) {
        it(`should accept ${JSON.stringify(args)}`, () => {
          const valid = validateRequest(method, args)
          expect(valid.method).toBe(method)
          expect(valid.args).toEqual(args.filter((a, i) => !(a === undefined && i === args.length - 1)))
        })
      }
      for (const args of CASES[method].bad) {
        it(`should refuse ${JSON.stringify(args).slice(0, 60)} as a bad argument that names the method`, () => {
          const failure = refusal(method, args)
          expect(failure.code).toBe('bad-argument')
          expect(failure.message).toContain(method)
        })
      }
    })
  }

  it('should refuse unknown methods, including names inherited from Object', () => {
    for (const method of ['deleteEverything', 'toString', '__proto__', 'constructor', 42, null]) expect(refusal(method, []).code).toBe('bad-argument')
  })

  it('should refuse arguments that are not an array', () => {
    expect(refusal('status', undefined).message).toMatch(/array/)
    expect(refusal('rows', { 0: 0, 1: 10, length: 2 }).message).toMatch(/array/)
  })

  it('should refuse objects that are not plain JSON objects', () => {
    expect(refusal('setView', [new Date()]).code).toBe('bad-argument')
    expect(refusal('setView', [Object.assign(Object.create({ inherited: true }), { stream: 1 })]).code).toBe('bad-argument')
  })

  it('should say which argument is wrong and why', () => {
    expect(refusal('rows', [0, 5000]).message).toBe('rows: count must be an integer from 0 to 1000')
    expect(refusal('open', [{ kind: 'path', path: '/x', extra: 1 }]).message).toBe('open: source has unknown key "extra"')
  })
})
