// The contract between main and renderer: types only, no Electron imports. It grows with the
// session issue (open, rows, details, connections); for now it names the transport.

export type Transport = 'electron' | 'browser'

export interface TcpLensApi {
  readonly transport: Transport
  readonly versions: { readonly electron: string; readonly chrome: string }
}
