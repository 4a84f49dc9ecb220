import type { ResolvedRoute } from '@sameorigin/core/rules'
import { routeRegex } from '../route-regex.ts'
import { toCommentHeader } from '../to-comment-header.ts'
import type { ExportFile, ExportInput, ExportLoss, ExportOutput, ExportTarget } from '../types.ts'
import { collectConfigLosses } from './collect-config-losses.ts'
import { collectLosses } from './collect-losses.ts'
import { collectUpstreams } from './collect-upstreams.ts'
import { renderLocation } from './render-location.ts'
import { renderMaps } from './render-maps.ts'
import { renderServer } from './render-server.ts'
import { renderUpstream } from './render-upstream.ts'

/** The main file's name in the output folder. */
const FILE = 'sameorigin.nginx.conf'

/** nginx reads `$1`...`$9` only in a rewrite's replacement. */
const MAX_GROUP = 9

/**
 * `sameorigin export nginx`: one http-context file (`include` it from `http {}`, or drop it into
 * `/etc/nginx/conf.d/`) with an upstream per target, the maps the routes read and one server: the
 * routes as regex locations in their order, then the static files. A route's `ca` is written beside
 * it. Routes nginx cannot run are left out, and every loss is in the file's header.
 */
export const nginxTarget: ExportTarget = {
  name: 'nginx',
  description: 'One nginx config file (http context): the routes, and with --static the app',
  render: (input) => renderNginx(input),
}

function renderNginx(input: ExportInput): ExportOutput {
  const { routes } = input.config
  const upstreams = collectUpstreams(routes)
  const losses: ExportLoss[] = []
  const locations: string[] = []
  const files: ExportFile[] = []
  for (const route of routes) {
    const upstream = upstreams.get(route.target.origin)
    const regex = usable(route)
    const caFile = route.ca === undefined ? undefined : `sameorigin-ca-${route.index + 1}.pem`
    const location =
      regex === undefined || upstream === undefined
        ? undefined
        : renderLocation(route, { origin: input.origin, upstream, regex, caFile })
    losses.push(...collectLosses(route, regex, location !== undefined))
    if (location === undefined) continue
    locations.push(location)
    if (caFile !== undefined) files.push({ path: caFile, content: toPem(route.ca ?? []) })
  }
  losses.push(...collectConfigLosses(input.config, input.origin))
  const content = [
    toCommentHeader(input, losses, '#'),
    ...[...upstreams.values()].map((upstream) => `${renderUpstream(upstream)}\n`),
    `${renderMaps(input.origin, routes, upstreams)}\n`,
    renderServer(input, locations),
  ].join('\n')
  return { files: [{ path: FILE, content }, ...files], losses }
}

/** The route's expression when nginx can run it (a rewrite reads at most `$9`). */
function usable(route: ResolvedRoute): ReturnType<typeof routeRegex> {
  const regex = routeRegex(route)
  if (regex === undefined) return undefined
  const tooFar = regex.upstream.some((part) => part.type === 'group' && part.index > MAX_GROUP)
  return tooFar ? undefined : regex
}

/** The route's certificate authorities as one PEM file (bytes are read as PEM text). */
function toPem(ca: readonly (string | Uint8Array)[]): string {
  const texts = ca.map((entry) => (typeof entry === 'string' ? entry : new TextDecoder().decode(entry)))
  return texts.map((text) => (text.endsWith('\n') ? text : `${text}\n`)).join('')
}
