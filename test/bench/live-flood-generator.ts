// The live-capture benchmark's traffic, in a process of its own so it never starves the capture:
// UDP datagrams from 127.0.0.1 to a receiving socket on 127.0.0.1 (bound, so the kernel answers
// no ICMP), at a steady rate. Told {rate, seconds} once the capture runs; answers what it sent
// and what the receiver got.
import { createSocket } from 'node:dgram'

const receiver = createSocket('udp4')
const sender = createSocket('udp4')
let received = 0
receiver.on('message', () => received++)

const payload = Buffer.alloc(64, 0x61)

async function flood(port: number, rate: number, seconds: number): Promise<number> {
  const start = performance.now()
  const end = start + seconds * 1000
  let sent = 0
  let failed = 0
  while (performance.now() < end) {
    const due = Math.floor(((performance.now() - start) * rate) / 1000)
    while (sent + failed < due) {
      // Each datagram carries its number: a gap in the file says which ones were lost.
      const datagram = Buffer.from(payload)
      datagram.writeUInt32BE(sent, 0)
      sender.send(datagram, port, '127.0.0.1', (error) => (error ? failed++ : undefined))
      sent++
    }
    await new Promise((resolve) => setImmediate(resolve))
  }
  return sent - failed
}

receiver.bind(0, '127.0.0.1', () => {
  process.send?.({ port: receiver.address().port })
})
process.on('message', (message: { rate: number; seconds: number }) => {
  const { port } = receiver.address()
  void flood(port, message.rate, message.seconds).then((sent) =>
    // Let the last datagrams land before counting them.
    setTimeout(() => {
      process.send?.({ sent, received })
      receiver.close()
      sender.close()
    }, 300),
  )
})
