// Arithmetic on filter values: + - * / % on numbers (4.0 has them: `tcp.len + 1 == 2` parses),
// & on numbers and, byte by byte, on byte strings (`tcp[13] & 0x02`). A division by zero gives no
// value, so the comparison it is part of is false.
import type { ArithmeticOp } from './ast'
import type { FilterValue } from './types'

export function applyArithmetic(op: ArithmeticOp, a: FilterValue, b: FilterValue): FilterValue | undefined {
  if (a instanceof Uint8Array && b instanceof Uint8Array) return op === '&' ? bytesAnd(a, b) : undefined
  if (typeof a === 'number' && typeof b === 'number') return numberArithmetic(op, a, b)
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) {
    if (!Number.isInteger(Number(a)) || !Number.isInteger(Number(b))) return numberArithmetic(op, Number(a), Number(b))
    return bigintArithmetic(op, BigInt(a), BigInt(b))
  }
  return undefined
}

function numberArithmetic(op: ArithmeticOp, a: number, b: number): number | undefined {
  switch (op) {
    case '+':
      return a + b
    case '-':
      return a - b
    case '*':
      return a * b
    case '/':
      return b === 0 ? undefined : Number.isInteger(a) && Number.isInteger(b) ? Math.trunc(a / b) : a / b
    case '%':
      return b === 0 ? undefined : a % b
    case '&':
      if (a >= 0 && b >= 0 && a <= 0xffffffff && b <= 0xffffffff) return (a & b) >>> 0
      return Number(BigInt.asUintN(64, BigInt(Math.trunc(a))) & BigInt.asUintN(64, BigInt(Math.trunc(b))))
  }
}

function bigintArithmetic(op: ArithmeticOp, a: bigint, b: bigint): bigint | undefined {
  switch (op) {
    case '+':
      return a + b
    case '-':
      return a - b
    case '*':
      return a * b
    case '/':
      return b === 0n ? undefined : a / b
    case '%':
      return b === 0n ? undefined : a % b
    case '&':
      return a & b
  }
}

function bytesAnd(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.min(a.length, b.length))
  for (let i = 0; i < out.length; i++) out[i] = a[i] & b[i]
  return out
}

export function negateValue(value: FilterValue): FilterValue | undefined {
  if (typeof value === 'number') return -value
  if (typeof value === 'bigint') return -value
  return undefined
}
