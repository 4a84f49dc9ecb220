/**
 * A value for the missing variable `name` that fits where it stands in `target`, for the fix of an
 * `ERR_CONFIG_ENV_MISSING`: the substituted target must be a working URL, so `https://${CDN_HOST}/a`
 * gets a host (`127.0.0.1:8080`), not a whole URL (`https://http://…`).
 * - the whole target, or its start before a path (`${API}/v1`): `http://127.0.0.1:8080`
 * - the scheme (`${PROTO}://…`): `http`
 * - the host after `://` (or `@`): `127.0.0.1:8080`, or `127.0.0.1` when a port follows
 * - the port after the host's `:`: `8080`
 * - anywhere in the path: `v1`
 * @example suggestEnvValue('https://${CDN_HOST}/assets', 'CDN_HOST') // '127.0.0.1:8080'
 */
export function suggestEnvValue(target: string, name: string): string {
  const at = findReference(target, name)
  if (at === undefined) return 'http://127.0.0.1:8080'
  const before = target.slice(0, at.start)
  const after = target.slice(at.end)
  if (before === '') return after.startsWith('://') ? 'http' : 'http://127.0.0.1:8080'
  const scheme = before.indexOf('://')
  const authority = scheme === -1 ? undefined : before.slice(scheme + 3)
  // Still inside the authority: nothing after `://` has started the path yet.
  if (authority !== undefined && !authority.includes('/')) {
    if (authority === '' || authority.endsWith('@'))
      return after.startsWith(':') ? '127.0.0.1' : '127.0.0.1:8080'
    if (authority.endsWith(':')) return '8080'
  }
  return 'v1'
}

/** Where the first `${name}` or `${name:-…}` reference in `target` starts and ends. */
function findReference(target: string, name: string): { start: number; end: number } | undefined {
  const start = target.indexOf(`\${${name}`)
  if (start === -1) return undefined
  const close = target.indexOf('}', start)
  return close === -1 ? undefined : { start, end: close + 1 }
}
