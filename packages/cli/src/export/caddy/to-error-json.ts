import { ERROR_CODES } from '@sameorigin/core'
import type { ErrorCode } from '@sameorigin/core'

/**
 * The engine's JSON error body for `code` as a Caddy `respond` body: `route` and `target` from the
 * `vars` the route's block set (`null` outside any route), the rest literal. Caddy reads braces as
 * placeholders, so the JSON's own are escaped.
 */
export function toErrorJson(code: ErrorCode, inRoute: boolean): string {
  const { message, hint } = ERROR_CODES[code]
  const route = inRoute ? '"@route@"' : 'null'
  const target = inRoute ? '"@target@"' : 'null'
  const json = `{"error":{"code":${JSON.stringify(code)},"message":${JSON.stringify(message)},"hint":${JSON.stringify(hint)},"route":${route},"target":${target}}}`
  return json
    .replaceAll(/[{}]/g, String.raw`\$&`)
    .replace('@route@', '{vars.sameorigin_route}')
    .replace('@target@', '{vars.sameorigin_target}')
}
