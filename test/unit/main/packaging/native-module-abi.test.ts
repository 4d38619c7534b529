import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CAP_BINARY } from '../../../../main/packaging/native-abi'
import { readModuleAbi } from '../../../../main/packaging/native-module-abi'

const capNode = resolve(__dirname, '../../../../', CAP_BINARY)

/**
 * A minimal 64-bit little-endian ELF as NODE_MODULE leaves it: a .data section holding the
 * node_module record (its first field the ABI) at 0x1008, and a .symtab naming it `symbol`.
 */
function elfWithModuleRecord(abi: number, symbol = '_ZL7_module'): Buffer {
  const data = Buffer.alloc(16)
  data.writeInt32LE(abi, 8)
  const strtab = Buffer.from(`\0${symbol}\0`, 'latin1')
  const strtabSize = Math.ceil(strtab.length / 8) * 8
  const symtab = Buffer.alloc(48)
  symtab.writeUInt32LE(1, 24) // name at strtab[1]
  symtab.writeUInt16LE(1, 24 + 6) // in section 1 (.data)
  symtab.writeBigUInt64LE(0x1008n, 24 + 8)
  const dataAt = 64
  const strtabAt = dataAt + data.length
  const symtabAt = strtabAt + strtabSize
  const sectionsAt = symtabAt + symtab.length
  const header = Buffer.alloc(64)
  header.writeUInt32BE(0x7f454c46, 0)
  header[4] = 2 // 64-bit
  header[5] = 1 // little-endian
  header.writeBigUInt64LE(BigInt(sectionsAt), 0x28)
  header.writeUInt16LE(64, 0x3a)
  header.writeUInt16LE(4, 0x3c)
  const section = (type: number, address: number, offset: number, size: number, link = 0, entsize = 0) => {
    const s = Buffer.alloc(64)
    s.writeUInt32LE(type, 4)
    s.writeBigUInt64LE(BigInt(address), 0x10)
    s.writeBigUInt64LE(BigInt(offset), 0x18)
    s.writeBigUInt64LE(BigInt(size), 0x20)
    s.writeUInt32LE(link, 0x28)
    s.writeBigUInt64LE(BigInt(entsize), 0x38)
    return s
  }
  return Buffer.concat([
    header,
    data,
    Buffer.concat([strtab, Buffer.alloc(strtabSize - strtab.length)]),
    symtab,
    section(0, 0, 0, 0),
    section(1 /* PROGBITS */, 0x1000, dataAt, data.length),
    section(2 /* SYMTAB */, 0, symtabAt, symtab.length, 3, 24),
    section(3 /* STRTAB */, 0, strtabAt, strtab.length),
  ])
}

describe('packaging/native-module-abi: readModuleAbi', () => {
  if (existsSync(capNode))
    it(`should read ABI ${process.versions.modules} from the installed cap.node, built for this Node by npm install`, () => {
      expect(readModuleAbi(readFileSync(capNode))).toBe(Number(process.versions.modules))
    })
  else it.skip(`SKIPPED: ${CAP_BINARY} is not built here (libpcap was not there at npm install)`, () => undefined)

  it('should read the node_module record that NODE_MODULE puts in an ELF data section', () => {
    expect(readModuleAbi(elfWithModuleRecord(150))).toBe(150)
    expect(readModuleAbi(elfWithModuleRecord(115))).toBe(115)
  })

  it('should read the ABI from an exported node_register_module_v<ABI> symbol', () => {
    expect(readModuleAbi(Buffer.from('\0\0napi\0node_register_module_v127\0more', 'latin1'))).toBe(127)
  })

  it('should answer undefined for a stripped binary, a foreign format, or bytes that are no binary', () => {
    expect(readModuleAbi(elfWithModuleRecord(115, 'something_else'))).toBeUndefined()
    expect(readModuleAbi(Buffer.from('MZ\x90\0 a Windows DLL without symbols', 'latin1'))).toBeUndefined()
    expect(readModuleAbi(new Uint8Array(0))).toBeUndefined()
  })

  it('should not throw on a truncated ELF', () => {
    const elf = elfWithModuleRecord(115)
    for (const length of [4, 63, 64, 100, elf.length - 1]) expect(() => readModuleAbi(elf.subarray(0, length))).not.toThrow()
  })
})
