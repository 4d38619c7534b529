import { defineStore } from 'pinia'
import { markRaw, shallowRef } from 'vue'
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
    try {
      const request = target[method] as unknown as AnyRequest
      return (await request.apply(target, args.map((arg) => plain(arg)))) as Result<Answer<M>>
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } }
    }
  }

  /** The answer, or undefined after showing the error to the user. */
  async function request<M extends Method>(method: M, ...args: Args<M>): Promise<Answer<M> | undefined> {
    const result = await call(method, ...args)
    if (result.ok) return result.value
    useMessagesStore().reportError(result.error)
    return undefined
  }

  return { api, install, current, call, request }
})
