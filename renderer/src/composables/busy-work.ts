// Which long request the UI is waiting for (Expert Info on millions of packets, the connections,
// a connection's steps, a followed stream, a sort), shown only after a short delay so that quick
// answers do not make the status bar flicker; and what its indicator says, with the share done
// once the back end reports its progress ("Sorting the packet list… 42.0%").
import { computed, getCurrentScope, onScopeDispose, ref, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Method, WorkProgress } from '../../../preload/contract/api'
import { useApiStore } from '../stores/api'
import { useSettingsStore } from '../stores/settings'
import { useWorkStore } from '../stores/work'
import { formatPercent } from '../util/format'

/** The requests that can take seconds, in the order their "Working…" text is preferred. */
export const SLOW_METHODS = ['expertInfo', 'connections', 'narrative', 'lab', 'flowGraph', 'followStream', 'setView'] as const
export type SlowWork = (typeof SLOW_METHODS)[number]

/** A request answered faster than this shows no "Working…" at all. */
export const BUSY_DELAY_MS = 250

/** The slow request under way, if any. */
export function currentWork(pending: Partial<Record<Method, number>>): SlowWork | null {
  return SLOW_METHODS.find((method) => (pending[method] ?? 0) > 0) ?? null
}

/** True once `source` has been true for `delayMs` without a break; false as soon as it is not. */
export function useDelayedFlag(source: () => boolean, delayMs = BUSY_DELAY_MS): Ref<boolean> {
  const flag = ref(false)
  let timer: ReturnType<typeof setTimeout> | null = null
  const stop = (): void => {
    if (timer) clearTimeout(timer)
    timer = null
  }
  watch(
    source,
    (on) => {
      stop()
      if (!on) {
        flag.value = false
        return
      }
      if (flag.value) return
      timer = setTimeout(() => {
        timer = null
        flag.value = true
      }, delayMs)
    },
    { immediate: true },
  )
  if (getCurrentScope()) onScopeDispose(stop)
  return flag
}

/** The words of a task the back end reports (more precise than its request's). */
const TASK_WORDS: Record<WorkProgress['task'], string> = { sort: 'busy.sort', filter: 'busy.filter', 'expert-info': 'busy.expertInfo' }

/** What a busy indicator shows: its words, and the share done ("" until progress is heard). */
export interface BusyText {
  label: string
  percent: string
}

/** What the indicator of a slow request says now, in the UI language. */
export function useBusyText(): (request: SlowWork) => BusyText {
  const { t } = useI18n()
  const work = useWorkStore()
  const settings = useSettingsStore()
  return (request) => {
    const heard = work.progressOf(request)
    if (!heard) return { label: t(`busy.${request}`), percent: '' }
    return { label: t(TASK_WORDS[heard.task]), percent: formatPercent(heard.done, heard.total, settings.language) }
  }
}

/** The slow work to show in the status bar (null while nothing slow is under way, or not for long yet). */
export function useBusyWork(delayMs = BUSY_DELAY_MS) {
  const api = useApiStore()
  const work = computed(() => currentWork(api.pending))
  const shown = useDelayedFlag(() => work.value !== null, delayMs)
  return { work, shown }
}
