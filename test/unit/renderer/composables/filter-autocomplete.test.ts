import { describe, expect, it } from 'vitest'
import { acceptSuggestion, matchFields, suggestionsFor, wordAt } from '../../../../renderer/src/composables/filter-autocomplete'
import { FAKE_FILTER_FIELDS } from '../fake-api'

const names = (fields: ReadonlyArray<{ name: string }>) => fields.map((field) => field.name)

describe('composables/filter-autocomplete', () => {
  describe('wordAt', () => {
    it('should find the field name being typed at the caret, and the part before the caret', () => {
      expect(wordAt('tcp.fl', 6)).toEqual({ start: 0, end: 6, typed: 'tcp.fl' })
      expect(wordAt('ip.addr == 10.0.0.1 && tcp.st', 29)).toEqual({ start: 23, end: 29, typed: 'tcp.st' })
      expect(wordAt('tcp.flags.syn == 1', 5)).toEqual({ start: 0, end: 13, typed: 'tcp.f' })
    })

    it('should find none before a name, in a number or an address, in a keyword or a string', () => {
      expect(wordAt('tcp', 0)).toBeNull()
      expect(wordAt('tcp.port == 80', 14)).toBeNull()
      expect(wordAt('ip.addr == 10.0.0.1', 19)).toBeNull()
      expect(wordAt('eth.src == de:ad', 16)).toBeNull()
      expect(wordAt('tcp && not', 10)).toBeNull()
      expect(wordAt('frame contains "tcp', 19)).toBeNull()
      expect(wordAt('frame contains "a\\"b" && tc', 27)).toEqual({ start: 25, end: 27, typed: 'tc' })
    })
  })

  describe('matchFields', () => {
    it('should list the names that start with the text first, then those that contain it, each by name', () => {
      expect(names(matchFields(FAKE_FILTER_FIELDS, 'tcp.f'))).toEqual(['tcp.flags', 'tcp.flags.syn'])
      expect(names(matchFields(FAKE_FILTER_FIELDS, 'ip'))).toEqual(['ip', 'ip.addr'])
      expect(names(matchFields(FAKE_FILTER_FIELDS, 'syn'))).toEqual(['tcp.flags.syn'])
      expect(names(matchFields(FAKE_FILTER_FIELDS, 'TCP.S'))).toEqual(['tcp.stream'])
    })

    it('should put prefix matches before names that merely contain the text', () => {
      const fields = [
        { name: 'tcp.analysis.flags', title: { en: '', 'zh-CN': '' }, protocol: false, type: 'Label' },
        { name: 'flags.x', title: { en: '', 'zh-CN': '' }, protocol: false, type: 'Label' },
      ]
      expect(names(matchFields(fields, 'flags'))).toEqual(['flags.x', 'tcp.analysis.flags'])
    })

    it('should stop at the limit', () => {
      expect(matchFields(FAKE_FILTER_FIELDS, 't', 2)).toHaveLength(2)
    })
  })

  describe('suggestionsFor', () => {
    it('should suggest nothing when the only match is exactly the word typed', () => {
      expect(suggestionsFor(FAKE_FILTER_FIELDS, 'tcp.stream', 10)).toEqual([])
      expect(names(suggestionsFor(FAKE_FILTER_FIELDS, 'tcp.flags', 9))).toEqual(['tcp.flags', 'tcp.flags.syn'])
    })
  })

  describe('acceptSuggestion', () => {
    it('should replace the whole word under the caret and put the caret after the name', () => {
      expect(acceptSuggestion('tcp.fl == 1', 6, 'tcp.flags.syn')).toEqual({ text: 'tcp.flags.syn == 1', caret: 13 })
      expect(acceptSuggestion('ip && tcp.s', 11, 'tcp.stream')).toEqual({ text: 'ip && tcp.stream', caret: 16 })
    })
  })
})
