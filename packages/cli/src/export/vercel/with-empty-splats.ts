import type { NextRewrite } from '@sameorigin/next'

// A zero-or-more parameter with its leading slash (`/:path*`), in a source or a destination.
const SPLAT = /\/:(\w+)\*/g

/** `text` without the `/:name*` parameters named in `absent`. */
function drop(text: string, absent: ReadonlySet<string>): string {
  return text.replace(SPLAT, (whole, name: string) => (absent.has(name) ? '' : whole))
}

/**
 * The rewrite, preceded by a variant for each zero-or-more parameter left empty (`/api` for
 * `/api/:path*`). Vercel fills an empty parameter into the destination as nothing but keeps the
 * slash before it (`/api` would go to `/api/`), where the engine forwards the path as it came; the
 * variant without the parameter, tried first, carries those requests.
 */
export function withEmptySplats(rewrite: NextRewrite): NextRewrite[] {
  const names = [...rewrite.source.matchAll(SPLAT)].map((match) => match[1] as string)
  const sets = names.reduce<Set<string>[]>(
    (all, name) => all.flatMap((set) => [new Set([...set, name]), set]),
    [new Set()],
  )
  return sets.map((absent) => {
    if (absent.size === 0) return rewrite
    const cut = rewrite.destination.search(/[?#]/)
    const path = cut === -1 ? rewrite.destination : rewrite.destination.slice(0, cut)
    const rest = cut === -1 ? '' : rewrite.destination.slice(cut)
    const origin = /^https?:\/\/[^/]+/i.exec(path)?.[0] ?? ''
    const tail = drop(path.slice(origin.length), absent)
    return {
      ...rewrite,
      source: drop(rewrite.source, absent) || '/',
      destination: `${origin}${tail || '/'}${rest}`,
    }
  })
}
