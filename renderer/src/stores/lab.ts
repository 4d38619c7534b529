import { defineStore } from 'pinia'
import { useStreamAnswer } from './stream-answer'

/**
 * The lab assistant's report of one connection in the UI language: its answers with their
 * frames, the RTT samples, the time-sequence series and the per-field tables. Asked again when
 * the language changes, forgotten when another capture opens.
 */
export const useLabStore = defineStore('lab', () => {
  const { stream, value: report, load, clear } = useStreamAnswer('lab')
  return { stream, report, load, clear }
})
