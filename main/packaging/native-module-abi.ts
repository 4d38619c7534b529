// Which Node ABI (NODE_MODULE_VERSION: 115 for Node 20, 150 for Electron 45) a native module was
// built for, read from the binary's bytes: loading it to find out would abort a process built for
// another ABI, or load libpcap for nothing.
//
// Two ways, the first that answers:
// - an exported `node_register_module_v<ABI>` symbol (NODE_MODULE_INIT and context-aware addons);
// - the `node::node_module` record that NODE_MODULE(name, init) puts in the data segment, found
//   through its local symbol `_module` (ELF and Mach-O keep it unless stripped). Its first field is
//   the ABI as a 32-bit integer. cap uses NODE_MODULE: this is how its ABI is read.
// Anything else (a stripped binary, Windows' PE without symbols) answers undefined: unknown.

const EXPORTED_SYMBOL = /node_register_module_v(\d+)/
// NODE_MODULE's `static node::node_module _module`, as C++ compilers name the local symbol.
const MODULE_RECORD_SYMBOLS = new Set(['_ZL7_module', '__ZL7_module', '_module'])

export function readModuleAbi(bytes: Uint8Array): number | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return exportedSymbolAbi(buffer) ?? elfModuleRecordAbi(buffer) ?? machoModuleRecordAbi(buffer)
}

function exportedSymbolAbi(buffer: Buffer): number | undefined {
  const match = EXPORTED_SYMBOL.exec(buffer.toString('latin1'))
  return match ? Number(match[1]) : undefined
}

/** A symbol's address turned into a file offset through the section holding it. */
interface Section {
  address: bigint
  offset: number
  size: bigint
}

function fileOffset(sections: readonly Section[], address: bigint): number | undefined {
  const section = sections.find((s) => address >= s.address && address < s.address + s.size)
  return section ? section.offset + Number(address - section.address) : undefined
}

function cString(buffer: Buffer, start: number): string {
  const end = buffer.indexOf(0, start)
  return buffer.toString('latin1', start, end < 0 ? buffer.length : end)
}

function abiAt(buffer: Buffer, offset: number | undefined, littleEndian: boolean): number | undefined {
  if (offset === undefined || offset < 0 || offset + 4 > buffer.length) return undefined
  return littleEndian ? buffer.readInt32LE(offset) : buffer.readInt32BE(offset)
}

const ELF_MAGIC = 0x7f454c46
const SHT_SYMTAB = 2
const SHT_NOBITS = 8

/** ELF, 64-bit or 32-bit, either byte order: the `_module` symbol in .symtab. */
function elfModuleRecordAbi(buffer: Buffer): number | undefined {
  if (buffer.length < 0x40 || buffer.readUInt32BE(0) !== ELF_MAGIC) return undefined
  const is64 = buffer[4] === 2
  const le = buffer[5] === 1
  const u16 = (o: number) => (le ? buffer.readUInt16LE(o) : buffer.readUInt16BE(o))
  const u32 = (o: number) => (le ? buffer.readUInt32LE(o) : buffer.readUInt32BE(o))
  const addr = (o: number) => (is64 ? (le ? buffer.readBigUInt64LE(o) : buffer.readBigUInt64BE(o)) : BigInt(u32(o)))
  const shoff = Number(addr(is64 ? 0x28 : 0x20))
  const shentsize = u16(is64 ? 0x3a : 0x2e)
  const shnum = u16(is64 ? 0x3c : 0x30)
  if (shoff === 0 || shoff + shentsize * shnum > buffer.length) return undefined
  const headers = Array.from({ length: shnum }, (_, i) => {
    const at = shoff + i * shentsize
    return {
      type: u32(at + 4),
      address: addr(at + (is64 ? 0x10 : 0x0c)),
      offset: Number(addr(at + (is64 ? 0x18 : 0x10))),
      size: addr(at + (is64 ? 0x20 : 0x14)),
      link: u32(at + (is64 ? 0x28 : 0x18)),
      entsize: Number(addr(at + (is64 ? 0x38 : 0x24))),
    }
  })
  const sections: Section[] = headers.filter((h) => h.type !== SHT_NOBITS && h.address !== 0n)
  for (const symtab of headers.filter((h) => h.type === SHT_SYMTAB && h.entsize > 0)) {
    const strtab = headers[symtab.link]
    if (!strtab) continue
    for (let at = symtab.offset; at + symtab.entsize <= symtab.offset + Number(symtab.size) && at + symtab.entsize <= buffer.length; at += symtab.entsize) {
      const name = cString(buffer, strtab.offset + u32(at))
      if (!MODULE_RECORD_SYMBOLS.has(name)) continue
      const value = is64 ? addr(at + 8) : BigInt(u32(at + 4))
      return abiAt(buffer, fileOffset(sections, value), le)
    }
  }
  return undefined
}

const MACHO_MAGIC_64 = 0xfeedfacf
const LC_SYMTAB = 0x2
const LC_SEGMENT_64 = 0x19

/** Mach-O, 64-bit little-endian (what node-gyp builds on macOS): `__ZL7_module` in LC_SYMTAB. */
function machoModuleRecordAbi(buffer: Buffer): number | undefined {
  if (buffer.length < 32 || buffer.readUInt32LE(0) !== MACHO_MAGIC_64) return undefined
  const commands = buffer.readUInt32LE(16)
  const sections: Section[] = []
  let symtab: { symoff: number; nsyms: number; stroff: number } | undefined
  let at = 32
  for (let i = 0; i < commands && at + 8 <= buffer.length; i++) {
    const command = buffer.readUInt32LE(at)
    const size = buffer.readUInt32LE(at + 4)
    if (command === LC_SYMTAB) symtab = { symoff: buffer.readUInt32LE(at + 8), nsyms: buffer.readUInt32LE(at + 12), stroff: buffer.readUInt32LE(at + 16) }
    if (command === LC_SEGMENT_64) {
      const count = buffer.readUInt32LE(at + 64)
      for (let s = 0; s < count; s++) {
        const section = at + 72 + s * 80
        sections.push({ address: buffer.readBigUInt64LE(section + 32), size: buffer.readBigUInt64LE(section + 40), offset: buffer.readUInt32LE(section + 48) })
      }
    }
    if (size === 0) break
    at += size
  }
  if (!symtab) return undefined
  for (let i = 0; i < symtab.nsyms; i++) {
    const entry = symtab.symoff + i * 16
    if (entry + 16 > buffer.length) break
    const name = cString(buffer, symtab.stroff + buffer.readUInt32LE(entry))
    if (MODULE_RECORD_SYMBOLS.has(name)) return abiAt(buffer, fileOffset(sections, buffer.readBigUInt64LE(entry + 8)), true)
  }
  return undefined
}
