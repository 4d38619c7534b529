// Where a display filter may select other frames than tshark's, and why: the decode suite's
// deviations (owned-fields.ts; a filter that reads a field where TCP Lens decodes on purpose
// another value than tshark cannot select the same frames there), and the ones only filters show.
import { isDeviation, type Deviation } from './owned-fields'

const NEGATIVE_PCAPNG_TIMES =
  'The second interface of this file stamps its packets 64-bit microsecond times just below 2^64. tshark 4.0 prints ' +
  'them (frame.time_epoch 18446744073204.126329, a huge frame.time_relative) as TCP Lens does, but compares them in ' +
  'filters as the negative numbers they are as signed values (`frame.time_relative < 0` selects them). TCP Lens ' +
  'keeps the unsigned value in both. Matching tshark means reading pcapng times as signed in main/capture and printing ' +
  'negative times as tshark wraps them: reported, not yet done.'

const CUSTOM_BLOCKS_NUMBERS =
  'tshark 4.0 numbers the two custom blocks at the start of this file as frames 1 and 2, so its frame.number of a ' +
  'packet is 2 higher than TCP Lens gives it (TCP Lens skips custom blocks): `frame.number <= 10` ends 2 packets sooner in tshark.'

/** Differences only filters show. Each must say why. */
export const FILTER_DEVIATIONS: Deviation[] = [
  { capture: 'pcapng-custom-blocks.pcapng', field: 'frame.number', reason: CUSTOM_BLOCKS_NUMBERS },
  { capture: 'ppp_pcapng-example.pcapng', field: 'frame.time_relative', reason: NEGATIVE_PCAPNG_TIMES },
  { capture: 'ppp_pcapng-example.pcapng', field: 'frame.time_delta', frames: [60], reason: NEGATIVE_PCAPNG_TIMES },
  { capture: 'ppp_pcapng-example.pcapng', field: 'frame.time_epoch', reason: NEGATIVE_PCAPNG_TIMES },
]

/** Does a documented deviation explain a different verdict on this frame, for a filter reading these fields? */
export function explainedDeviation(capture: string, fieldsRead: readonly string[], frame: number): Deviation | undefined {
  for (const field of fieldsRead) {
    const deviation =
      isDeviation(capture, field, frame) ??
      FILTER_DEVIATIONS.find((d) => d.capture === capture && d.field === field && (!d.frames || d.frames.includes(frame)))
    if (deviation) return deviation
  }
  return undefined
}
