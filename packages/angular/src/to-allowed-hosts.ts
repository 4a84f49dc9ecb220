/** The `ng serve` options the host check reads. */
export interface HostCheckOptions {
  readonly allowedHosts?: readonly string[] | boolean | undefined
  readonly host?: string | undefined
  readonly ssl?: boolean | undefined
}

/**
 * The engine's `allowedHosts` from `ng serve`'s own: Angular hands `allowedHosts` to Vite, whose syntax
 * the engine shares (a leading dot for a domain and its subdomains), and Vite always allows its
 * `host`. `true` (Angular's "allow any host") stays `true`; over `ssl`, like Vite, no check (a DNS
 * rebinding page cannot present the certificate). The engine checks both requests and WebSocket
 * upgrades: it runs ahead of Vite's own host check, and Vite never checks upgrades it does not serve.
 */
export function toAllowedHosts(options: HostCheckOptions): readonly string[] | true {
  if (options.ssl === true || options.allowedHosts === true) return true
  const listed = Array.isArray(options.allowedHosts) ? options.allowedHosts : []
  return options.host === undefined ? [...listed] : [...listed, options.host]
}
