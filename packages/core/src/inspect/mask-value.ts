/** What a masked value is replaced with: ASCII, and no glob or quote character for a shell or curl. */
export const MASK = '***'

/**
 * Query parameters whose value is masked: a name containing `token`, `key`, `secret`, `password`,
 * `signature`, `code` or `auth`, ignoring case (`access_token`, `api_key`, `X-Amz-Signature`, an
 * OAuth `code`). Broad on purpose: a masked `postcode` costs less than a leaked token.
 */
export const SECRET_QUERY_NAME: RegExp = /token|key|secret|password|signature|code|auth/i

/**
 * Header fields whose value is masked: `Cookie`, `Set-Cookie`, `Authorization`,
 * `Proxy-Authorization`, and names with a segment `token`, `secret`, `password`, `session`,
 * `api-key`/`apikey`, `auth` or `credential(s)` (`X-Auth-Token`, `X-Api-Key`, `X-Session-Id`), but
 * not CORS's `Access-Control-*` fields (`Access-Control-Allow-Credentials: true` is no secret).
 */
export const SECRET_HEADER_NAME: RegExp =
  /^(?:cookie|set-cookie|authorization|proxy-authorization)$|^(?!access-control-)(?:.*-)?(?:token|secret|password|session|api-?key|auth|credentials?)(?:-|$)/i

/** Headers whose value is a URL (or holds one) and may carry a secret query. */
const URL_HEADERS = new Set(['location', 'content-location', 'referer', 'refresh'])

/**
 * `value` of the header `name` with secrets masked: a cookie's value (`Cookie`: every pair's value;
 * `Set-Cookie`: the cookie's value, its name and attributes kept), a credential after its scheme
 * (`Bearer ***`), any other secret header whole, and secret query parameters in URL headers.
 * @example maskHeaderValue('set-cookie', 'sid=abc; Path=/api; HttpOnly') // → 'sid=***; Path=/api; HttpOnly'
 */
export function maskHeaderValue(name: string, value: string): string {
  const lower = name.toLowerCase()
  if (lower === 'cookie') return value.split(';').map(maskPair).join(';')
  if (lower === 'set-cookie') {
    const cut = value.indexOf(';')
    return cut === -1 ? maskPair(value) : maskPair(value.slice(0, cut)) + value.slice(cut)
  }
  if (lower === 'authorization' || lower === 'proxy-authorization') {
    const scheme = /^\s*[!#$%&'*+\-.^_`|~\w]+ +(?=\S)/.exec(value)
    return scheme === null ? MASK : scheme[0] + MASK
  }
  if (SECRET_HEADER_NAME.test(lower)) return MASK
  return URL_HEADERS.has(lower) ? maskQuery(value) : value
}

/**
 * `url` with the value of every query parameter {@link SECRET_QUERY_NAME} names replaced by
 * {@link MASK}; everything else, the fragment included, byte for byte.
 * @example maskQuery('/cb?code=x1&state=ok') // → '/cb?code=***&state=ok'
 */
export function maskQuery(url: string): string {
  const start = url.indexOf('?')
  if (start === -1) return url
  const hash = url.indexOf('#', start)
  const end = hash === -1 ? url.length : hash
  return url.slice(0, start + 1) + maskParameters(url.slice(start + 1, end)) + url.slice(end)
}

/**
 * Every query in a text (`?` up to a space, a quote or `#`: the URLs and paths of a blocked call's
 * verdict, fix and command) masked as {@link maskQuery} masks a URL's.
 * @example maskQueries("call /api/me?token=x instead") // → 'call /api/me?token=*** instead'
 */
export function maskQueries(text: string): string {
  return text.replaceAll(/\?([^\s'"`#]*)/g, (_, query: string) => `?${maskParameters(query)}`)
}

/** `name=value&…` (a query, a form body) with secret parameters' values masked. */
export function maskParameters(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=')
      if (eq === -1 || !SECRET_QUERY_NAME.test(safeDecode(pair.slice(0, eq)))) return pair
      return `${pair.slice(0, eq + 1)}${MASK}`
    })
    .join('&')
}

/** One `name=value` cookie pair with its value masked (whitespace around it kept). */
function maskPair(pair: string): string {
  const eq = pair.indexOf('=')
  if (eq === -1) return pair.trim() === '' ? pair : MASK
  return `${pair.slice(0, eq + 1)}${MASK}`
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '))
  } catch {
    return text
  }
}
