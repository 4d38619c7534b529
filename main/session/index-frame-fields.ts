// Placeholder: the index-backed FrameFields comes with the session's filtering.
export function isIndexedField(name: string): boolean {
  void name
  return false
}
