import type { ProxyError } from '../errors/proxy-error.ts'
import { createError } from '../errors/proxy-error.ts'
import { applyComputedHeaders } from '../rewrite/to-upstream-headers.ts'
import { validateHeaders } from '../rules/validate-headers.ts'
import type { ForwardPlan } from './types.ts'

/**
 * Completes a plan whose route computes its headers (`plan.pendingHeaders`): calls the route's
 * function and adds its values to `plan.headers`, checked like a static `headers` object. Resolves
 * `undefined` when the plan is ready to send, or the `ProxyError` to answer instead (nothing may reach
 * the upstream then): `ERR_ROUTE_HEADERS_INVALID` (500) for a value that cannot be sent,
 * `ERR_ROUTE_HEADERS_FAILED` (502) for a function that threw or rejected. Never rejects. Transports
 * call it only when `pendingHeaders` is set, so every other route stays synchronous.
 * @example
 * if (plan.pendingHeaders !== undefined) {
 *   const error = await resolvePlanHeaders(plan)
 *   if (error !== undefined) return refuse(error)
 * }
 */
export async function resolvePlanHeaders(plan: ForwardPlan): Promise<ProxyError | undefined> {
  const pending = plan.pendingHeaders
  if (pending === undefined) return undefined
  const route = plan.match.route
  let computed: unknown
  try {
    computed = await pending.compute(pending.request)
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    return createError('ERR_ROUTE_HEADERS_FAILED', {
      message: `The headers function of route ${route.id} failed: ${reason}`,
      cause,
      details: { route: route.id },
    })
  }
  // The messages name what is wrong, never a value (a token must not reach the browser's error page).
  const problems =
    typeof computed !== 'object' || computed === null || Array.isArray(computed)
      ? `it returned ${describeKind(computed)}, not an object of header names to values`
      : validateHeaders(computed, `${route.configPath}.headers(request)`, 'set')
          .map((issue) => `${issue.path} ${issue.message}`)
          .join('; ')
  if (problems !== '') {
    return createError('ERR_ROUTE_HEADERS_INVALID', {
      message: `The headers function of route ${route.id} returned a value that cannot be sent: ${problems}`,
      details: { route: route.id },
    })
  }
  applyComputedHeaders(
    plan.headers,
    toLowerCaseNames(computed as Record<string, string | null>),
    plan.body,
    pending.request.method,
  )
  return undefined
}

function describeKind(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`
}

function toLowerCaseNames(headers: Readonly<Record<string, string | null>>): Record<string, string | null> {
  const out: Record<string, string | null> = {}
  for (const name of Object.keys(headers)) out[name.toLowerCase()] = headers[name] as string | null
  return out
}
