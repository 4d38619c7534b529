// The narrative on the timelines the real builder (main/tcp/steps.ts) makes from the TCP
// scenario fixtures: every scenario renders in both languages and all formats, with no
// placeholder left, one Mermaid arrow per step, and the classic checklist on the handshake.
import { describe, expect, it } from 'vitest'
import { openCaptureBytes } from '../../../../main/capture/open'
import { feedConnections } from '../../../../main/cli/connections'
import { ConnectionTimelines } from '../../../../main/tcp/steps'
import type { CaptureFinding, ConnectionTimeline } from '../../../../main/tcp/step'
import { describeConnection, renderCapture, renderConnection, renderFindings } from '../../../../main/teach'
import { TCP_SCENARIOS } from '../../../fixtures/tcp-scenarios'

async function timelines(bytes: Uint8Array): Promise<{ connections: ConnectionTimeline[]; findings: CaptureFinding[] }> {
  const reader = await openCaptureBytes(bytes)
  const t = new ConnectionTimelines({ recordSteps: true })
  await feedConnections(reader, t)
  return t.finish()
}

const LEAKS = /\{\w+\}|undefined|NaN|\[object Object\]/

describe('teach on the real timelines of the TCP scenario fixtures', () => {
  it('should render every scenario in both languages and all formats', async () => {
    for (const scenario of TCP_SCENARIOS) {
      const { connections, findings } = await timelines(scenario.bytes())
      expect(connections.length, scenario.name).toBeGreaterThan(0)
      for (const lang of ['en', 'zh-CN'] as const) {
        for (const format of ['text', 'markdown', 'mermaid'] as const) {
          const out = renderCapture(connections, findings, { lang, format })
          expect(out, `${scenario.name} ${lang} ${format}`).not.toMatch(LEAKS)
        }
        for (const c of connections) {
          const arrows = renderConnection(c, { lang, format: 'mermaid' })
            .split('\n')
            .filter((l) => /^ {4}[CS](->>|-x)[CS]: /.test(l))
          expect(arrows, scenario.name).toHaveLength(c.steps!.length)
        }
      }
    }
  })

  it('should teach the four-way close fixture step by step', async () => {
    const scenario = TCP_SCENARIOS.find((s) => s.name === 'tcp-scenario-four-way-close')!
    const [c] = (await timelines(scenario.bytes())).connections
    const d = describeConnection(c!, 'en')
    expect(d.steps.map((s) => s.title).filter((t) => t !== 'Data')).toEqual([
      'Handshake step 1',
      'Handshake step 2',
      'Handshake step 3',
      'Close step 1',
      'Close step 2',
      'Close step 3',
      'Close step 4',
    ])
    expect(d.steps[2]!.arithmetic[0]).toBe('seq = 1 = 0 + 1: its own SYN in frame 1 consumed one sequence number.')
    expect(d.steps[2]!.arithmetic[1]).toBe('ack = 1 = 0 + 1: the server’s SYN in frame 2 consumed one sequence number, so the next number the client expects is 1.')
    expect(d.steps[0]!.knowledge!.rows.filter((r) => r.server).map((r) => r.fact)).toEqual(['selfReceive', 'peerSend', 'knowsPeerIsn'])
    expect(d.steps[2]!.knowledge!.rows.every((r) => r.client && r.server)).toBe(true)
    const zh = describeConnection(c!, 'zh-CN')
    expect(zh.steps.map((s) => s.title).filter((t) => t.endsWith('挥手'))).toEqual(['第 1 次挥手', '第 2 次挥手', '第 3 次挥手', '第 4 次挥手'])
  })

  it('should warn of the SYN flood fixture with its count and sources', async () => {
    const scenario = TCP_SCENARIOS.find((s) => s.name === 'tcp-scenario-syn-flood')!
    const { findings } = await timelines(scenario.bytes())
    expect(findings).toHaveLength(1)
    const text = renderFindings(findings, 'zh-CN')
    expect(text).toContain(`发往 ${findings[0]!.target.address}:${findings[0]!.target.port} 的 ${findings[0]!.count} 个 SYN 来自 ${findings[0]!.sources} 个不同的源地址`)
  })
})
