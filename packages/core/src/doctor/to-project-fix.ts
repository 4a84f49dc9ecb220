import { normalizePath } from '../rules/normalize-path.ts'
import { mapDevPath } from '../rewrite/map-dev-path.ts'
import type { ResolvedRoute } from '../types.ts'
import { toRoute } from './to-route.ts'
import type { Fix } from './types.ts'

/** A route already forwarding to a URL: the route, and the path the page calls instead. */
export interface RoutedCall {
  readonly route: ResolvedRoute
  /** The dev-server path and query the route forwards to the URL: `/api/me?x=1`. */
  readonly pagePath: string
}

/**
 * The first route (declaration order) a dev-server path with `method` goes to, as the engine picks
 * it; `undefined` for none, or for a path the engine refuses as unsafe.
 */
function firstRoute(
  routes: readonly ResolvedRoute[],
  devPath: string,
  method: string,
): ResolvedRoute | undefined {
  let path: string
  try {
    path = normalizePath(devPath)
  } catch {
    return undefined
  }
  return routes.find(
    (route) =>
      route.matchPath(path) !== undefined &&
      (route.methods === undefined || route.methods.has(method.toUpperCase())),
  )
}

/**
 * The route that already forwards to `url`: a route whose target has the URL's origin and whose
 * rewrite maps the URL's path back to a dev-server path (`toDevPath`) that the same route, and no
 * earlier one, answers. `undefined` when no route does (a function rewrite cannot be mapped back).
 */
export function findRoutedCall(
  routes: readonly ResolvedRoute[],
  url: string,
  method: string,
): RoutedCall | undefined {
  const target = new URL(url)
  for (const route of routes) {
    if (route.target.origin !== target.origin) continue
    const devPath = mapDevPath(route.toDevPath, target.pathname)
    if (devPath === undefined) continue
    if (firstRoute(routes, devPath, method) === route)
      return { route, pagePath: `${devPath}${target.search}` }
  }
  return undefined
}

/**
 * The project's fix for a call the browser blocked at `url`: when a route already forwards there,
 * call the route's path instead of the backend; otherwise the route to add to the config file.
 */
export function toProjectFix(
  routes: readonly ResolvedRoute[],
  url: string,
  method: string,
  configFile = 'sameorigin.config.ts',
): Fix {
  const routed = findRoutedCall(routes, url, method)
  if (routed !== undefined) {
    return {
      kind: 'route',
      title: `This page calls ${url} directly; call ${routed.pagePath} instead`,
      lines: [
        `The route ${routed.route.id} (${routed.route.configPath}) already forwards ${routed.pagePath} to ${url}:`,
        `fetch('${routed.pagePath}') is same-origin, so no CORS at all.`,
      ],
    }
  }
  const route = toRoute(url)
  const taken = firstRoute(routes, new URL(route.pagePath, url).pathname, method)
  return {
    kind: 'route',
    title: `Add '${route.key}': ${route.value} to ${configFile} and call ${route.pagePath} instead`,
    lines: [
      `// ${configFile}`,
      `routes: { '${route.key}': ${route.value} }`,
      '',
      `Then call fetch('${route.pagePath}') from the page: same-origin, so no CORS at all.`,
      ...(taken === undefined
        ? []
        : [
            `The route ${taken.id} already answers ${route.key}: give the new one another prefix and a rewrite.`,
          ]),
    ],
  }
}
