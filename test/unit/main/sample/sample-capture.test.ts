import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openCaptureBytes } from '../../../../main/capture/open'
import { feedConnections } from '../../../../main/cli/connections'
import { buildSampleCapture, SAMPLE_FILE_NAME } from '../../../../main/sample/sample-capture'
import { sampleCapturePath, writeSampleCapture } from '../../../../main/sample/sample-file'
import { ConnectionTimelines } from '../../../../main/tcp/steps'
import { DecodePass } from '../../../../main/decode/pass'

async function connectionsOf(bytes: Uint8Array) {
  const timelines = new ConnectionTimelines({ recordSteps: true })
  await feedConnections(await openCaptureBytes(bytes), timelines)
  return timelines.finish()
}

describe('main/sample', () => {
  describe('buildSampleCapture', () => {
    it('should be a pcapng file with the same bytes on every run', () => {
      const bytes = buildSampleCapture()
      expect(Buffer.from(bytes.subarray(0, 4)).toString('hex')).toBe('0a0d0d0a')
      expect(Buffer.from(buildSampleCapture()).equals(bytes)).toBe(true)
    })

    it('should hold exactly the four teaching connections, with how each opened and closed', async () => {
      const { connections, findings } = await connectionsOf(buildSampleCapture())
      expect(findings).toEqual([])
      expect(
        connections.map((c) => ({ stream: c.stream, client: `${c.client.address}:${c.client.port}`, server: `${c.server.address}:${c.server.port}`, packets: c.packets, open: c.open, close: c.close, closedBy: c.closeInitiator, guessed: c.rolesGuessed })),
      ).toEqual([
        { stream: 0, client: '192.168.1.23:51514', server: '192.168.1.80:80', packets: 11, open: 'three-way', close: 'four-way', closedBy: 'client', guessed: false },
        { stream: 1, client: '192.168.1.23:51516', server: '192.168.1.80:80', packets: 9, open: 'three-way', close: 'three-way', closedBy: 'client', guessed: false },
        { stream: 2, client: '192.168.1.23:51518', server: '192.168.1.80:8443', packets: 2, open: 'refused', close: 'reset', closedBy: 'server', guessed: false },
        { stream: 3, client: '192.168.1.23:51520', server: '192.168.1.80:80', packets: 9, open: 'three-way', close: 'reset', closedBy: 'client', guessed: false },
      ])
    })

    it('should end the orderly closes with the client in TIME-WAIT and the server CLOSED', async () => {
      const { connections } = await connectionsOf(buildSampleCapture())
      for (const c of connections.slice(0, 2)) expect([c.client.state, c.server.state]).toEqual(['TIME-WAIT', 'CLOSED'])
    })

    it('should carry an HTTP GET and its 200 response in the first connection', async () => {
      const { connections } = await connectionsOf(buildSampleCapture())
      expect(connections[0].bytes.client).toBeGreaterThan(0)
      expect(connections[0].bytes.server).toBeGreaterThan(0)
      const text = Buffer.from(buildSampleCapture()).toString('latin1')
      expect(text).toContain('GET /index.html HTTP/1.1\r\n')
      expect(text).toContain('HTTP/1.1 200 OK\r\n')
    })

    it('should decode cleanly: correct checksums, the Linux SYN options, no analysis warnings', async () => {
      const reader = await openCaptureBytes(buildSampleCapture())
      const pass = new DecodePass(reader.info)
      const infos: string[] = []
      for await (const frame of reader.frames()) {
        const decoded = pass.decode(frame)
        infos.push(decoded.columns.info)
        expect(decoded.expert.filter((e) => e.severity === 'error' || (e.severity === 'warn' && !/reset/i.test(e.message)))).toEqual([])
      }
      expect(infos[0]).toBe('51514 → 80 [SYN] Seq=0 Win=64240 Len=0 MSS=1460 SACK_PERM TSval=2984112601 TSecr=0 WS=128')
      expect(infos[21]).toBe('8443 → 51518 [RST, ACK] Seq=1 Ack=1 Win=0 Len=0')
    })
  })

  describe('sampleCapturePath', () => {
    let folder: string
    beforeEach(() => {
      folder = mkdtempSync(join(tmpdir(), 'tcplens-sample-'))
    })
    afterEach(() => rmSync(folder, { recursive: true, force: true }))

    it('should write the sample once into the folder and answer its path', async () => {
      const path = await sampleCapturePath(folder)
      expect(basename(path)).toBe(SAMPLE_FILE_NAME)
      expect(Buffer.from(readFileSync(path)).equals(buildSampleCapture())).toBe(true)
      const written = statSync(path).mtimeMs
      expect(await sampleCapturePath(folder)).toBe(path)
      expect(statSync(path).mtimeMs).toBe(written)
    })

    it('should replace a sample file whose bytes are not ours (an older version, a damaged copy)', async () => {
      writeFileSync(join(folder, SAMPLE_FILE_NAME), 'tampered')
      const path = await writeSampleCapture(folder)
      expect(Buffer.from(readFileSync(path)).equals(buildSampleCapture())).toBe(true)
    })
  })
})
