import { defineStore } from 'pinia'
import { markRaw, ref, shallowRef } from 'vue'
import type { Answer, Args, Method, Result, TcpLensApi } from '../../../preload/contract/api'
import { plain } from '../util/plain'
import { useMessagesStore } from './messages'

type AnyRequest = (...args: unknown[]) => Promise<Result<unknown>>

/**
 * Holds the one TcpLensApi the renderer talks to (installed by main.ts, or a fake in tests) and
 * makes every call: arguments stripped of Vue proxies, answers as Results, nothing thrown.
 */
export const useApiStore = defineStore('api', () => {
  const api = shallowRef<TcpLensApi | null>(null)
  /** Requests on their way, by method: what the UI shows as "Working…" while it waits. */
  const pending = ref<Partial<Record<Method, number>>>({})

  function track(method: Method, delta: 1 | -1): void {
    const next = (pending.value[method] ?? 0) + delta
    const copy = { ...pending.value }
    if (next > 0) copy[method] = next
    else delete copy[method]
    pending.value = copy
  }

  function isPending(method: Method): boolean {
    return (pending.value[method] ?? 0) > 0
  }

  function install(next: TcpLensApi): void {
    api.value = markRaw(next)
  }

  function current(): TcpLensApi {
    if (!api.value) throw new Error('TCP Lens: no api installed')
    return api.value
  }

  /** The call's Result; a transport that throws becomes an 'internal' error. */
  async function call<M extends Method>(method: M, ...args: Args<M>): Promise<Result<Answer<M>>> {
    const target = current()
    track(method, 1)
    try {
      const request = target[method] as unknown as AnyRequest
      return (await request.apply(target, args.map((arg) => plain(arg)))) as Result<Answer<M>>
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } }
    } finally {
      track(method, -1)
    }
  }

  /** The answer, or undefined after showing the error to the user. */
  async function request<M extends Method>(method: M, ...args: Args<M>): Promise<Answer<M> | undefined> {
    const result = await call(method, ...args)
    if (result.ok) return result.value
    useMessagesStore().reportError(result.error)
    return undefined
  }

  return { api, pending, install, current, call, request, isPending }
})
