import { checkRequestShape, toHeaderPair } from './check-request-shape.ts'
import type { RequestShape, ShapeProblem } from './check-request-shape.ts'
import { isForbiddenMethod, isForbiddenRequestHeader, normalizeMethod } from './needs-preflight.ts'
import { SPEC } from './spec.ts'
import type { FetchRequest, Reason } from './types.ts'

/** The request the page makes, and what the browser already says about it before sending anything. */
export interface ParsedRequest {
  readonly request: FetchRequest
  /** Forbidden headers (dropped, warned) and a forbidden method (blocked). */
  readonly reasons: Reason[]
}

/** A problem of the shape in plain words, naming the field (the command line words its own). */
export function describeShapeProblem(problem: ShapeProblem): string {
  switch (problem.field) {
    case 'url':
      if (problem.kind === 'has-user')
        return `url ${problem.value} has a user name or password; fetch() refuses it.`
      return `url ${problem.value} is not an absolute http(s) URL.`
    case 'origin':
      if (problem.kind === 'not-origin')
        return `origin ${problem.value} is not an origin; use ${problem.origin}.`
      return `origin ${problem.value} is not an http(s) origin.`
    case 'method':
      return `method ${problem.value} is not a method name.`
    case 'header':
      return problem.kind === 'not-token'
        ? `header name ${JSON.stringify(problem.name)} is not a header name.`
        : `header ${problem.name} has a value fetch() refuses (line breaks or non-Latin-1 characters).`
  }
}

/**
 * Turns a request shape into the request a page makes: the URL without its fragment, the origin
 * serialized, the method normalised as fetch does, headers combined (a repeated name becomes one
 * comma-joined value, as `Headers.append` does), and what the browser refuses before sending noted:
 * forbidden headers are dropped with a warning, a forbidden method blocks. Throws a `TypeError` for a
 * shape fetch() itself would reject (see `checkRequestShape` to word it differently).
 */
export function toFetchRequest(shape: RequestShape): ParsedRequest {
  const problem = checkRequestShape(shape)
  if (problem !== undefined) throw new TypeError(describeShapeProblem(problem))
  const url = new URL(shape.url)
  url.hash = ''
  const method = normalizeMethod(shape.method ?? 'GET')
  const reasons: Reason[] = []
  if (isForbiddenMethod(method)) {
    reasons.push({
      code: 'forbidden-method',
      severity: 'block',
      message: `fetch() refuses the method ${method} outright (TypeError), before sending anything.`,
      standard: SPEC.forbiddenMethod,
    })
  }
  const combined = new Map<string, [string, string]>()
  for (const header of shape.headers ?? []) {
    const [name, value] = toHeaderPair(header)
    const key = name.toLowerCase()
    const existing = combined.get(key)
    combined.set(key, existing === undefined ? [name, value] : [existing[0], `${existing[1]}, ${value}`])
  }
  const headers: [string, string][] = []
  for (const [name, value] of combined.values()) {
    if (isForbiddenRequestHeader(name, value)) {
      reasons.push({
        code: 'forbidden-header',
        severity: 'warn',
        message:
          `A page cannot set ${name}: the browser drops it silently${name.toLowerCase() === 'cookie' ? " (it sends the cookies it has itself with credentials: 'include')" : ''}. ` +
          'It is left out here too.',
        standard: SPEC.forbiddenRequestHeader,
      })
    } else {
      headers.push([name, value])
    }
  }
  const credentials = shape.credentials === 'include' ? 'include' : 'omit'
  return {
    request: { origin: new URL(shape.origin).origin, url: url.href, method, headers, credentials },
    reasons,
  }
}
