import { describe, expect, it } from 'vitest'
import { CHECKLIST, handshakeKnowledge } from '../../../../main/teach/knowledge'
import { fastOpen, midStream, normal, refused, simultaneousOpen, unanswered } from './scenarios'

const FOUR = ['selfSend', 'selfReceive', 'peerSend', 'peerReceive']
const ALL = ['selfSend', 'selfReceive', 'peerSend', 'peerReceive', 'peerKnowsIsn', 'knowsPeerIsn']

describe('teach/knowledge: what each side knows during the handshake', () => {
  it('should give the classic checklist after steps 1, 2 and 3', () => {
    const k = handshakeKnowledge(normal().steps!)
    // Step 1: the server knows the client can send and it can receive (and the client's ISN).
    expect(k.get(0)!.after).toEqual({ client: [], server: ['selfReceive', 'peerSend', 'knowsPeerIsn'] })
    // Step 2: the client knows all four (and both ISNs are settled for it).
    expect(k.get(1)!.after.client).toEqual(ALL)
    expect(k.get(1)!.after.server).toEqual(['selfReceive', 'peerSend', 'knowsPeerIsn'])
    expect(k.get(1)!.learned.server).toEqual([])
    // Step 3: the server knows all four too.
    expect(k.get(2)!.after.server).toEqual(ALL)
    expect(k.get(2)!.learned).toEqual({ client: [], server: ['selfSend', 'peerReceive', 'peerKnowsIsn'] })
    expect(CHECKLIST).toEqual(FOUR)
  })

  it('should stop at the end of the handshake: data and close steps get no checklist', () => {
    const k = handshakeKnowledge(normal().steps!)
    expect([...k.keys()]).toEqual([0, 1, 2])
  })

  it('should credit crossed SYNs in a simultaneous open after the crossing, and finish with each SYN-ACK', () => {
    const k = handshakeKnowledge(simultaneousOpen().steps!)
    // Frame 1 (client SYN): the server had not received it before sending its own SYN.
    expect(k.get(0)!.after).toEqual({ client: [], server: [] })
    // Frame 2: each side has now received the other's SYN.
    expect(k.get(1)!.after).toEqual({ client: ['selfReceive', 'peerSend', 'knowsPeerIsn'], server: ['selfReceive', 'peerSend', 'knowsPeerIsn'] })
    // Frame 3 (client SYN-ACK) completes the server; frame 4 the client.
    expect(k.get(2)!.after.server).toEqual(ALL)
    expect(k.get(2)!.after.client).toEqual(['selfReceive', 'peerSend', 'knowsPeerIsn'])
    expect(k.get(3)!.after.client).toEqual(ALL)
  })

  it('should count the SYN of a Fast Open like any SYN', () => {
    const k = handshakeKnowledge(fastOpen().steps!)
    expect(k.get(1)!.after.client).toEqual(ALL)
    expect(k.get(2)!.after.server).toEqual(ALL)
  })

  it('should claim nothing when the opening was refused, unanswered or not captured', () => {
    expect(handshakeKnowledge(refused().steps!).size).toBe(0)
    expect(handshakeKnowledge(unanswered().steps!).size).toBe(0)
    expect(handshakeKnowledge(midStream().steps!).size).toBe(0)
  })

  it('should not credit a SYN-ACK its receiver never answered', () => {
    const t = normal()
    const steps = t.steps!.slice(0, 2)
    steps[1] = { ...steps[1]!, notes: [{ code: 'no-answer', frames: [] }] }
    const k = handshakeKnowledge(steps)
    expect(k.get(1)!.after.client).toEqual([])
  })
})
