// Netlify's redirect engine is not published, so its rules are applied here as Netlify documents them
// (docs.netlify.com, Redirects and rewrites: "Redirect options" and "Rewrites and proxies"): rules in
// order, the first that matches wins; `:name` is a placeholder for one whole path segment, `*` at the
// end a splat matching the rest of the path (possibly nothing), given to `to` as `:splat`; a rule
// matches a path with or without a trailing slash; a 200 rule to a URL proxies there, passing the
// request's query on. Matching is taken as case-sensitive (Netlify documents no folding).

/** A rule as @netlify/redirect-parser returns it. */
export interface ParsedRule {
  readonly from: string
  readonly to: string
  readonly status: number
  readonly force: boolean
  readonly proxy?: boolean
  readonly headers?: Readonly<Record<string, string>>
  readonly query?: Readonly<Record<string, string>>
}

/** Where Netlify sends a request: an upstream URL and the rule, or nowhere (the app answers). */
export type NetlifyOutcome =
  | { readonly upstream: string; readonly rule: ParsedRule }
  | { readonly none: true }

const ESCAPE = /[.*+?^${}()|[\]\\]/g

/** `from` as a regular expression whose named groups are its placeholders (`splat` for `*`). */
function toRegExp(from: string): RegExp {
  const splat = from.endsWith('/*')
  const body = (splat ? from.slice(0, -2) : from)
    .split('/')
    .map((segment) =>
      segment.startsWith(':') ? `(?<${segment.slice(1)}>[^/]+)` : segment.replace(ESCAPE, '\\$&'),
    )
    .join('/')
  return new RegExp(`^${body}${splat ? '(?:/(?<splat>.*))?' : ''}$`)
}

/** The first rule that takes `url`, and the URL it proxies to. */
export function routeOnNetlify(rules: readonly ParsedRule[], url: string): NetlifyOutcome {
  const cut = url.indexOf('?')
  const path = cut === -1 ? url : url.slice(0, cut)
  const search = cut === -1 ? '' : url.slice(cut)
  for (const rule of rules) {
    const regexp = toRegExp(rule.from)
    const match =
      regexp.exec(path) ?? (path.length > 1 && path.endsWith('/') ? regexp.exec(path.slice(0, -1)) : null)
    if (match === null) continue
    if (rule.status !== 200 || rule.proxy !== true)
      throw new Error(`the model knows proxy rules only: ${rule.from}`)
    if (rule.to.includes('?')) throw new Error(`Netlify does not document a query in to: ${rule.to}`)
    // Placeholders are filled in the path only (`:4000` in the origin is a port).
    const origin = /^https?:\/\/[^/]+/.exec(rule.to)?.[0] ?? ''
    const to =
      origin +
      rule.to.slice(origin.length).replace(/:(\w+)/g, (_, name: string) => match.groups?.[name] ?? '')
    return { upstream: `${to}${search === '?' ? '' : search}`, rule }
  }
  return { none: true }
}
