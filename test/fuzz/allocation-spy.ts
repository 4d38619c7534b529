// Watches how much memory code asks for in one piece: every typed array, ArrayBuffer and Buffer
// made with a size while the spy is installed. A reader that believed a claimed length of 4 GB
// would ask for 4 GB here, even if it then failed or freed it at once (which a heap measure after
// the fact would miss).

type Constructor = abstract new (...args: never[]) => unknown

const TYPED_ARRAYS = ['ArrayBuffer', 'SharedArrayBuffer', 'Uint8Array', 'Int8Array', 'Uint8ClampedArray', 'Uint16Array', 'Int16Array', 'Uint32Array', 'Int32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'] as const
const BUFFER_ALLOCATORS = ['alloc', 'allocUnsafe', 'allocUnsafeSlow'] as const

export class AllocationSpy {
  /** The largest single allocation seen, bytes, and what made it. */
  largest = 0
  largestBy = ''
  private restores: Array<() => void> = []

  install(): this {
    const globals = globalThis as unknown as Record<string, Constructor>
    for (const name of TYPED_ARRAYS) {
      const original = globals[name]!
      const perElement = (original as unknown as { BYTES_PER_ELEMENT?: number }).BYTES_PER_ELEMENT ?? 1
      globals[name] = new Proxy(original, {
        construct: (target, args, newTarget) => {
          if (typeof args[0] === 'number') this.record(args[0] * perElement, name)
          return Reflect.construct(target, args, newTarget === globals[name] ? target : newTarget)
        },
      })
      this.restores.push(() => (globals[name] = original))
    }
    const buffer = Buffer as unknown as Record<string, (size: number, ...rest: unknown[]) => Buffer>
    for (const name of BUFFER_ALLOCATORS) {
      const original = buffer[name]!
      buffer[name] = (size: number, ...rest: unknown[]) => {
        this.record(size, `Buffer.${name}`)
        return original.call(Buffer, size, ...rest)
      }
      this.restores.push(() => (buffer[name] = original))
    }
    return this
  }

  restore(): void {
    for (const undo of this.restores.splice(0).reverse()) undo()
  }

  private record(bytes: number, by: string): void {
    if (bytes > this.largest) {
      this.largest = bytes
      this.largestBy = by
    }
  }
}
