/** Bytes of a base64 string (the contract's byte strings). */
export function bytesFromBase64(base64: string): Uint8Array {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** base64 of bytes, in slices so that large files do not overflow the argument list. */
export function base64FromBytes(bytes: Uint8Array): string {
  let binary = ''
  const slice = 0x8000
  for (let i = 0; i < bytes.length; i += slice) binary += String.fromCharCode(...bytes.subarray(i, i + slice))
  return btoa(binary)
}
