import type { ResolvedRoute } from '@sameorigin/core'
import { toCommentHeader } from '../to-comment-header.ts'
import type { ExportFile, ExportInput, ExportLoss, ExportOutput } from '../types.ts'
import { indent } from './indent.ts'
import { toConfigLosses } from './to-config-losses.ts'
import { toErrorHandler } from './to-error-handler.ts'
import { toGuardBlocks } from './to-guard-blocks.ts'
import { toHeaderConditions } from './to-header-conditions.ts'
import { toPathPlan } from './to-path-plan.ts'
import { toRouteBlock } from './to-route-block.ts'
import { toRouteLosses } from './to-route-losses.ts'
import { toSiteAddress } from './to-site-address.ts'
import { toStaticBlock } from './to-static-block.ts'

/** The CA bundle written for a route's `ca`, beside the Caddyfile. */
function toCaFile(route: ResolvedRoute): ExportFile | undefined {
  if (route.ca === undefined || !route.secure || route.target.protocol !== 'https:') return undefined
  const pem = route.ca.map((ca) => (typeof ca === 'string' ? ca : new TextDecoder().decode(ca)).trim())
  return { path: `caddy-ca-route${route.index}.pem`, content: `${pem.join('\n')}\n` }
}

/** Why a route cannot be a Caddy block at all, or `undefined` when it can. */
function toUnexportable(route: ResolvedRoute): ExportLoss | undefined {
  const unsupported = toHeaderConditions(route).unsupported
  if (unsupported.length > 0)
    return {
      route: route.id,
      behaviour: `the whole route (matchHeaders ${unsupported.join(', ')})`,
      why: "Caddy's header_regexp is RE2, which has no lookaround, back-references or these flags: the route is left out rather than matched more widely",
      instead: 'write the condition without them',
    }
  if (toPathPlan(route) === undefined)
    return {
      route: route.id,
      behaviour: route.rewriteIsFunction
        ? 'the whole route (rewrite: a function)'
        : 'the whole route (its path)',
      why: route.rewriteIsFunction
        ? 'a Caddyfile runs no JavaScript, so the upstream path cannot be computed: the route is left out rather than forwarded to the wrong path'
        : 'its RegExp uses what RE2 (Caddy) lacks (lookaround, back-references, some escapes or flags): the route is left out rather than matched differently',
      instead: '`sameorigin export cloudflare` runs the engine itself, at the edge',
    }
  return undefined
}

/**
 * The whole Caddyfile: the header comment (with every loss), the site with its guards, one `handle`
 * per route in declaration order, the static files or a 404, and the error answers. Pure.
 */
export function renderCaddyfile(input: ExportInput): ExportOutput {
  const { config, origin } = input
  const losses: ExportLoss[] = []
  const files: ExportFile[] = []
  const blocks: string[][] = []
  for (const route of config.routes) {
    const unexportable = toUnexportable(route)
    const plan = toPathPlan(route)
    if (unexportable !== undefined || plan === undefined) {
      if (unexportable !== undefined) losses.push(unexportable)
      continue
    }
    losses.push(...toRouteLosses(route, plan))
    const ca = toCaFile(route)
    if (ca !== undefined) files.push(ca)
    blocks.push(['', ...toRouteBlock({ route, plan, origin, caFile: ca?.path })])
  }
  losses.push(...toConfigLosses(config.routes))
  const tls =
    origin.protocol === 'https:'
      ? ['# An https origin: Caddy obtains and renews its certificate itself (ports 80 and 443 reachable).']
      : []
  const site = [
    ...toGuardBlocks(origin),
    ...blocks.flat(),
    '',
    ...toStaticBlock(input.staticDir),
    '',
    ...toErrorHandler(),
  ]
  const content = [
    toCommentHeader(input, losses, '#'),
    ...tls,
    `${toSiteAddress(origin, input.listen)} {`,
    ...indent(site),
    '}',
    '',
  ].join('\n')
  return { files: [{ path: 'Caddyfile', content }, ...files], losses }
}
