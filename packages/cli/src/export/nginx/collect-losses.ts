import type { ResolvedRoute } from '@sameorigin/core/rules'
import type { RouteRegex } from '../route-regex.ts'
import type { ExportLoss } from '../types.ts'

const ENGINE = 'sameorigin export cloudflare (a Worker running the engine itself)'

/**
 * What nginx cannot do of one route, when the route is written (`regex` given) or left out. Each
 * says why, for the terminal and the file's header.
 */
export function collectLosses(
  route: ResolvedRoute,
  regex: RouteRegex | undefined,
  written: boolean,
): ExportLoss[] {
  const loss = (behaviour: string, why: string, instead?: string): ExportLoss => ({
    route: route.id,
    behaviour,
    why,
    ...(instead === undefined ? {} : { instead }),
  })
  if (!written) {
    const why = route.rewriteIsFunction
      ? 'a function cannot be run by nginx, so the route is not written (its requests go to the next route or the static files)'
      : regex === undefined
        ? 'the RegExp uses syntax nginx (PCRE) reads differently, so the route is not written'
        : 'a header condition uses a RegExp nginx (PCRE) reads differently, so the route is not written'
    return [loss(route.rewriteIsFunction ? 'rewrite function (rewrite)' : 'the route', why, ENGINE)]
  }
  const losses: ExportLoss[] = []
  if (route.headersFunction !== undefined)
    losses.push(
      loss(
        'headers function (headers)',
        'nginx sends fixed header values; the function is not called',
        ENGINE,
      ),
    )
  if (route.mock !== undefined)
    losses.push(loss('mock', 'mocks answer in development only; nginx always forwards to the backend'))
  if (route.methods !== undefined)
    losses.push(loss('methods', 'another method is answered 405 here instead of going on to the next route'))
  if (route.matchHeaders !== undefined)
    losses.push(
      loss(
        'matchHeaders',
        'a request that fails a condition is answered 404 here instead of going on to the next route',
      ),
    )
  if (regex === undefined) return losses
  if (regex.query !== '')
    losses.push(
      loss(
        "the rewrite's query",
        "nginx puts it before the request's query, and a parameter both name is sent twice",
      ),
    )
  const unchanged = regex.upstream.length === 1 && regex.upstream[0]?.type === 'path'
  if (!unchanged)
    losses.push(
      loss(
        'encoded slashes (%2F) in rewritten paths',
        'nginx decodes the path before it rewrites it, so the backend receives %2F as /',
      ),
    )
  if (regex.reversePrefix === undefined) {
    if (route.redirects)
      losses.push(
        loss(
          'Location paths (redirects)',
          'the rewrite is no prefix swap nginx can reverse: only the origin of a Location is rewritten',
        ),
      )
    if (route.cookies)
      losses.push(
        loss(
          'cookie Path (cookies)',
          'the rewrite is no prefix swap nginx can reverse: cookie paths are kept',
        ),
      )
  }
  return losses
}
