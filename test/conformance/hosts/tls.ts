import { TEST_CERT, TEST_KEY } from '@sameorigin/test-utils'

// What a host started with `http2` (`StartOptions`) serves with: TLS, HTTP/2 negotiated by ALPN.

/** The certificate and key every host serves in HTTP/2 mode: valid for 127.0.0.1 and localhost, signed by `TEST_CA`. */
export const TLS_OPTIONS: { readonly cert: string; readonly key: string } = { cert: TEST_CERT, key: TEST_KEY }

/** The host's URL: `http://127.0.0.1:<port>`, or `https://` when it serves HTTP/2 over TLS. */
export function hostUrl(port: number, http2: boolean): string {
  return `${http2 ? 'https' : 'http'}://127.0.0.1:${port}`
}

/** Its websocket counterpart, for an HMR socket: `ws://`, or `wss://` over TLS. */
export function socketUrl(port: number, http2: boolean, path: string): string {
  return `${http2 ? 'wss' : 'ws'}://127.0.0.1:${port}${path}`
}
