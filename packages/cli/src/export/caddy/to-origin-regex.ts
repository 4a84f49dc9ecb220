import { escapeRe2 } from './escape-re2.ts'

/**
 * An RE2 fragment (no anchors) matching the origin of `url` as a header may write it: scheme and host
 * in any case, and the port written or, when it is the scheme's default, left out.
 * @example toOriginRegex(new URL('https://api.example.com')) // '(?i:https)://(?i:api\\.example\\.com)(?::443)?'
 */
export function toOriginRegex(url: URL): string {
  const scheme = url.protocol.slice(0, -1)
  const port = url.port === '' ? `(?::${scheme === 'https' ? 443 : 80})?` : `:${url.port}`
  return `(?i:${scheme})://(?i:${escapeRe2(url.hostname)})${port}`
}
