// Applies the routes Vercel compiles from vercel.json (`getTransformedRoutes`) to a request, as Vercel's
// router does (its `vercel dev` router is the reference): routes in order; `src` a regular expression
// matched against the raw path in any case; `has` / `missing` header values anchored (`^value$`);
// `$1` / `$name` in `dest` replaced by the captures (an absent one by nothing); for an external
// `dest`, the request's query assigned over the destination's (the request's value wins).
import { parse as parseQuery, stringify as stringifyQuery } from 'node:querystring'
import type { RouteWithSrc } from '@vercel/routing-utils'

/** Where Vercel sends a request: an upstream URL, or nowhere (the app answers). */
export type VercelOutcome =
  | { readonly upstream: string; readonly route: RouteWithSrc }
  | { readonly none: true }

type Condition = { type: string; key?: string; value?: unknown }

function holds(condition: Condition, headers: Readonly<Record<string, string>>): boolean {
  if (condition.type !== 'header' || condition.key === undefined)
    throw new Error(`the model knows header conditions only, not ${condition.type}`)
  const value = headers[condition.key.toLowerCase()]
  if (value === undefined) return false
  if (condition.value === undefined) return true
  return new RegExp(`^(?:${String(condition.value)})$`).test(value)
}

function fill(dest: string, match: RegExpExecArray): string {
  return dest.replace(/\$([1-9a-zA-Z]+)/g, (_, name: string) => {
    const value = /^\d+$/.test(name) ? match[Number(name)] : match.groups?.[name]
    return value ?? ''
  })
}

/** The first route that takes `url` with `headers`, and the URL it proxies to. */
export function routeOnVercel(
  routes: readonly unknown[],
  url: string,
  headers: Readonly<Record<string, string>>,
): VercelOutcome {
  const cut = url.indexOf('?')
  const path = cut === -1 ? url : url.slice(0, cut)
  const query = parseQuery(cut === -1 ? '' : url.slice(cut + 1))
  for (const candidate of routes) {
    const route = candidate as RouteWithSrc & { has?: Condition[]; missing?: Condition[] }
    if (!('src' in route) || route.continue === true || route.dest === undefined) continue
    const match = new RegExp(route.src, route.caseSensitive === true ? '' : 'i').exec(path)
    if (match === null) continue
    if (!(route.has ?? []).every((condition) => holds(condition, headers))) continue
    if ((route.missing ?? []).some((condition) => holds(condition, headers))) continue
    const dest = fill(route.dest, match)
    if (!/^https?:\/\//.test(dest)) throw new Error(`the model knows external destinations only: ${dest}`)
    const destCut = dest.indexOf('?')
    const destQuery = parseQuery(destCut === -1 ? '' : dest.slice(destCut + 1))
    const search = stringifyQuery(Object.assign(destQuery, query))
    const upstream = `${destCut === -1 ? dest : dest.slice(0, destCut)}${search === '' ? '' : `?${search}`}`
    return { upstream, route }
  }
  return { none: true }
}
