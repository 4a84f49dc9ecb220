import { isToken } from '../rules/is-token.ts'

/**
 * The request a page makes, as `fetch(url, { method, headers, credentials })` on a page at `origin`
 * describes it: what `sameorigin doctor` is asked on the command line, and what a page reports to
 * its dev server when the browser blocked a call.
 */
export interface RequestShape {
  /** The absolute URL the page fetches. */
  readonly url: string
  /** The page's origin (`http://localhost:5173`), as `location.origin` gives it. */
  readonly origin: string
  /** @default 'GET' */
  readonly method?: string | undefined
  /**
   * The headers the page sets: `[name, value]`, or a name alone (sent with an empty value). A name
   * alone is enough for every header but `Content-Type`, whose value decides whether a preflight
   * goes first (`text/plain` does not need one, `application/json` does).
   */
  readonly headers?: readonly (string | readonly [name: string, value: string])[] | undefined
  /** fetch's `credentials`; `same-origin` (fetch's default) sends none on a cross-origin call. @default 'omit' */
  readonly credentials?: 'omit' | 'same-origin' | 'include' | undefined
}

/**
 * What makes a shape one fetch() itself would refuse: `field` is the part at fault, `kind` what is
 * wrong with it. Each surface words it in its own terms (the command line names its options).
 */
export type ShapeProblem =
  | { readonly field: 'url'; readonly kind: 'not-url' | 'not-http' | 'has-user'; readonly value: string }
  | {
      readonly field: 'origin'
      readonly kind: 'not-url' | 'not-http' | 'not-origin'
      readonly value: string
      /** For `not-origin`: the origin the value starts with. */
      readonly origin?: string
    }
  | { readonly field: 'method'; readonly kind: 'not-token'; readonly value: string }
  | {
      readonly field: 'header'
      readonly kind: 'not-token' | 'bad-value'
      /** The header's position in `headers`. */
      readonly index: number
      readonly name: string
      readonly value: string
    }

function toUrl(value: string): URL | undefined {
  try {
    return new URL(value)
  } catch {
    return undefined
  }
}

const isHttp = (url: URL): boolean => url.protocol === 'http:' || url.protocol === 'https:'

/** Header values are byte strings: no line breaks, no NUL, no characters above U+00FF. */
export function isHeaderValue(value: string): boolean {
  return !/[\r\n\0]/.test(value) && [...value].every((char) => char.charCodeAt(0) <= 0xff)
}

function checkUrl(value: string): ShapeProblem | undefined {
  const url = toUrl(value)
  if (url === undefined) return { field: 'url', kind: 'not-url', value }
  if (!isHttp(url)) return { field: 'url', kind: 'not-http', value }
  if (url.username !== '' || url.password !== '') return { field: 'url', kind: 'has-user', value }
  return undefined
}

function checkOrigin(value: string): ShapeProblem | undefined {
  const url = toUrl(value)
  if (url === undefined) return { field: 'origin', kind: 'not-url', value }
  if (!isHttp(url)) return { field: 'origin', kind: 'not-http', value }
  const extra = (url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== ''
  if (extra || url.username !== '') return { field: 'origin', kind: 'not-origin', value, origin: url.origin }
  return undefined
}

/** `[name, value]` of a header as the shape gives it: a name alone has an empty value. */
export const toHeaderPair = (header: string | readonly [string, string]): readonly [string, string] =>
  typeof header === 'string' ? [header, ''] : header

/**
 * The first thing in `shape` that fetch() would refuse, in the order the command line reads it (URL,
 * origin, method, headers), or `undefined` when fetch() would accept it.
 */
export function checkRequestShape(shape: RequestShape): ShapeProblem | undefined {
  const problem = checkUrl(shape.url) ?? checkOrigin(shape.origin)
  if (problem !== undefined) return problem
  const method = shape.method ?? 'GET'
  if (!isToken(method)) return { field: 'method', kind: 'not-token', value: method }
  const headers = shape.headers ?? []
  for (const [index, header] of headers.entries()) {
    const [name, value] = toHeaderPair(header)
    if (!isToken(name)) return { field: 'header', kind: 'not-token', index, name, value }
    if (!isHeaderValue(value)) return { field: 'header', kind: 'bad-value', index, name, value }
  }
  return undefined
}
