// pcapng block types and option codes (draft-ietf-opsawg-pcapng), shared by reader and writer.

export const BLOCK = {
  SECTION_HEADER: 0x0a0d0d0a,
  INTERFACE_DESCRIPTION: 0x00000001,
  PACKET: 0x00000002, // obsolete, still written by old tools
  SIMPLE_PACKET: 0x00000003,
  NAME_RESOLUTION: 0x00000004,
  INTERFACE_STATISTICS: 0x00000005,
  ENHANCED_PACKET: 0x00000006,
  CUSTOM: 0x00000bad,
  CUSTOM_NO_COPY: 0x40000bad,
} as const

/** The byte-order magic of a Section Header Block, as read in the section's own byte order. */
export const BYTE_ORDER_MAGIC = 0x1a2b3c4d

export const OPTION = {
  END: 0,
  COMMENT: 1,
  SHB_HARDWARE: 2,
  SHB_OS: 3,
  SHB_USER_APPLICATION: 4,
  IF_NAME: 2,
  IF_DESCRIPTION: 3,
  IF_TSRESOL: 9,
  IF_FILTER: 11,
  IF_OS: 12,
  IF_TSOFFSET: 14,
  ISB_IFRECV: 4,
  ISB_IFDROP: 5,
} as const

export const NAME_RECORD = { END: 0, IPV4: 1, IPV6: 2 } as const

export function blockTypeName(type: number): string {
  switch (type) {
    case BLOCK.SECTION_HEADER:
      return 'section header block'
    case BLOCK.INTERFACE_DESCRIPTION:
      return 'interface description block'
    case BLOCK.PACKET:
      return 'packet block'
    case BLOCK.SIMPLE_PACKET:
      return 'simple packet block'
    case BLOCK.NAME_RESOLUTION:
      return 'name resolution block'
    case BLOCK.INTERFACE_STATISTICS:
      return 'interface statistics block'
    case BLOCK.ENHANCED_PACKET:
      return 'enhanced packet block'
    default:
      return `block of type 0x${(type >>> 0).toString(16).padStart(8, '0')}`
  }
}

export function isPacketBlock(type: number): boolean {
  return type === BLOCK.ENHANCED_PACKET || type === BLOCK.SIMPLE_PACKET || type === BLOCK.PACKET
}
