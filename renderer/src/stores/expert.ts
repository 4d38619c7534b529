import { defineStore } from 'pinia'
import { useCaptureAnswer } from './capture-answer'

/** The capture's expert information (Wireshark's Analyze › Expert Information). */
export const useExpertStore = defineStore('expert', () => {
  const { value: info, loaded, load } = useCaptureAnswer('expertInfo')
  return { info, loaded, load }
})
