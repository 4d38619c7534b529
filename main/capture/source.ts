// Where frames come from: the types every capture source (file reader, live capture) produces,
// and the one error type readers raise. No I/O here.

/** The file formats TCP Lens reads. `pcap-ns` is pcap with the nanosecond magic (a1b23c4d). */
export type CaptureFormat = 'pcap' | 'pcap-ns' | 'pcapng'

/** A pcapng if_tsresol: units per second = base ** exponent (pcap: 10^6 or 10^9). */
export interface TsResolution {
  base: 10 | 2
  exponent: number
}

/** A note a reader attaches to one frame: the file is odd there, but readable. */
export interface ReaderNote {
  code: 'caplen-over-snaplen' | 'caplen-over-origlen'
  /** One line, in English; the UI translates by `code`. */
  message: string
}

/** One captured frame, exactly as the file or the network card gave it. */
export interface RawFrame {
  /** 1-based frame number, in file order (frame.number). */
  no: number
  /** Capture time: whole seconds since 1970-01-01 UTC. */
  tsSec: number
  /** Nanoseconds within tsSec, 0 … 999 999 999. */
  tsNsec: number
  /** The record carries no time at all (a pcapng Simple Packet Block): tsSec/tsNsec are 0. */
  noTimestamp?: true
  /** Bytes captured (frame.cap_len) = bytes.length. */
  capLen: number
  /** Bytes on the wire (frame.len). */
  origLen: number
  /** LINKTYPE_* of the frame's interface. */
  linkType: number
  /** Index into CaptureInfo.interfaces (frame.interface_id); 0 for pcap. */
  interfaceId: number
  /**
   * The captured bytes. In a batch from CaptureReader.batches() this is a view into the
   * reader's buffer, valid until the next batch is asked for: copy it to keep it.
   */
  bytes: Uint8Array
  /**
   * Offset of the frame's record (pcap record header, pcapng block header) in the
   * uncompressed file: FrameAccess.read(fileOffset) reads this frame again.
   */
  fileOffset: number
  /** pcapng opt_comment options of the packet block (frame.comment), in order. */
  comments?: string[]
  /** What the reader found odd about this record. */
  notes?: ReaderNote[]
}

/** One network interface a capture was taken on (a pcapng IDB; pcap has exactly one). */
export interface InterfaceInfo {
  /** Global index, as frame.interface_id counts it across all sections. */
  id: number
  /** The pcapng section the IDB belongs to (0 for pcap). */
  section: number
  linkType: number
  snapLen: number
  tsResolution: TsResolution
  /** if_tsoffset: seconds added to every timestamp of this interface. */
  tsOffset: number
  name?: string
  description?: string
  os?: string
  filter?: string
  /** opt_comment options of the IDB (TCP Lens's own live captures say there how packets were stamped). */
  comments?: string[]
  /** Statistics from the last Interface Statistics Block seen for it. */
  stats?: InterfaceStats
}

export interface InterfaceStats {
  /** isb_ifrecv: packets received by the interface, if the ISB says. */
  received?: number
  /** isb_ifdrop: packets dropped by the interface, if the ISB says. */
  dropped?: number
}

/** A pcapng section (SHB); pcap files have one, with no options. */
export interface SectionInfo {
  /** Byte offset of the SHB in the uncompressed file. */
  offset: number
  littleEndian: boolean
  /** Format version, "2.4" for pcap, "1.0" for pcapng. */
  version: string
  comments: string[]
  hardware?: string
  os?: string
  userApplication?: string
}

/** A name resolution record (pcapng NRB). */
export interface NameRecord {
  /** Dotted IPv4 or RFC 5952 IPv6 text. */
  address: string
  names: string[]
}

/** What a capture file says about itself. Grows as a pcapng file is read (IDBs come late). */
export interface CaptureInfo {
  format: CaptureFormat
  /** True when the file was gzip-compressed. */
  gzip: boolean
  sections: SectionInfo[]
  interfaces: InterfaceInfo[]
  names: NameRecord[]
}

export type CaptureErrorCode =
  | 'empty' //           a zero-byte file
  | 'not-capture' //     the magic is neither pcap nor pcapng (nor gzip around them)
  | 'truncated' //       the file ends in the middle of a record or a record header
  | 'too-large' //       a record claims more than MAX_CAPLEN captured bytes
  | 'bad-block' //       a pcapng block is malformed (bad length, unknown interface, …)
  | 'io' //              the operating system refused (missing file, permission, …)

/** The largest frame a reader accepts, as Wireshark (WTAP_MAX_PACKET_SIZE_STANDARD). */
export const MAX_CAPLEN = 262144

/**
 * The one error readers raise. Its message is a single line that says where: the frame
 * number and the byte offset, so the CLI can print it as is and exit with `exitCode`.
 */
export class CaptureError extends Error {
  readonly code: CaptureErrorCode
  /** The frame that could not be read, when the damage is in a frame's record. */
  readonly frame?: number
  /** Byte offset in the uncompressed file where the damage starts. */
  readonly offset?: number
  readonly exitCode = 2

  constructor(code: CaptureErrorCode, message: string, where: { frame?: number; offset?: number } = {}) {
    super(message)
    this.name = 'CaptureError'
    this.code = code
    this.frame = where.frame
    this.offset = where.offset
  }
}
