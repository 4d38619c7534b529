// The display-filter language (Wireshark 4.0's), as the rest of TCP Lens uses it.
export type * from './types'
export { compileFilter } from './compile'
export { decodedFrameFields } from './decoded-frame-fields'
export { filterFieldList } from './field-list'
export { filterExpressionFor } from './field-expression'
