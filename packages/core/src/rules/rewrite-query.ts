/**
 * A query written into a rewrite (`rewrite: '/v1/:path*?legacy=1'`, a `pathRewrite` replacement or
 * a function's result) is a query, never part of the path. These two pure steps place it.
 */

const PARAM_MODIFIER = /:[A-Za-z_]\w*$/

/**
 * Splits a rewrite template at the `?` that starts its query: every `?` except a parameter's
 * optional modifier (`/:id?`, at the end or before `/` or `?`). `query` keeps its `?`, or is `''`.
 * @example splitRewriteQuery('/v1/:path*?legacy=1') // { path: '/v1/:path*', query: '?legacy=1' }
 */
export function splitRewriteQuery(template: string): { path: string; query: string } {
  let from = 0
  for (;;) {
    const at = template.indexOf('?', from)
    if (at === -1) return { path: template, query: '' }
    const next = template[at + 1]
    const isModifier =
      PARAM_MODIFIER.test(template.slice(0, at)) && (next === undefined || next === '/' || next === '?')
    if (!isModifier) return { path: template.slice(0, at), query: template.slice(at) }
    from = at + 1
  }
}

/** The decoded name of one `name=value` piece (`+` is a space), for comparing names. */
function nameOf(piece: string): string {
  const eq = piece.indexOf('=')
  const raw = (eq === -1 ? piece : piece.slice(0, eq)).replaceAll('+', ' ')
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

/**
 * The query sent upstream when the rewrite wrote one: the request's parameters in their order, except
 * that a parameter the rewrite names takes the rewrite's value(s) (at its first place; its other
 * occurrences go), then the rewrite's other parameters. The route's config wins over the browser's
 * URL, as in Next rewrites, and a function that appends the request's own query (`path + search`)
 * sends it once. Pieces keep their bytes; empty pieces go. Without a rewrite query (`''` or `'?'`),
 * `search` is returned unchanged.
 * @example mergeQuery('?legacy=1&v=2', '?a=1&v=9') // '?a=1&v=2&legacy=1'
 */
export function mergeQuery(rewriteQuery: string, search: string): string {
  const own = rewriteQuery
    .slice(1)
    .split('&')
    .filter((piece) => piece !== '')
  if (own.length === 0) return search
  const byName = new Map<string, string[]>()
  for (const piece of own) {
    const name = nameOf(piece)
    byName.set(name, [...(byName.get(name) ?? []), piece])
  }
  const out: string[] = []
  const placed = new Set<string>()
  for (const piece of search.slice(1).split('&')) {
    if (piece === '') continue
    const name = nameOf(piece)
    const replacement = byName.get(name)
    if (replacement === undefined) out.push(piece)
    else if (!placed.has(name)) {
      placed.add(name)
      out.push(...replacement)
    }
  }
  for (const [name, pieces] of byName) if (!placed.has(name)) out.push(...pieces)
  return `?${out.join('&')}`
}
