import { LOOPBACK_ORIGIN_SOURCE } from './is-loopback-origin.ts'
import type { CorsPolicy } from './types.ts'

/** What the JavaScript outputs write: literals for the policy's lists and its origin pattern. */
export interface JsValues {
  /** `['https://app.example.com']`: the exact origins as an array literal. */
  readonly exact: string
  /** `/^http:\/\/(localhost|…)…$/` when the policy allows loopback origins, else `undefined`. */
  readonly loopback: string | undefined
  /** Array literals of the methods, allowed headers and exposed headers. */
  readonly methods: string
  readonly allowHeaders: string
  readonly exposeHeaders: string
}

const array = (items: readonly string[]): string => `[${items.map((item) => `'${item}'`).join(', ')}]`

/**
 * The policy's values as JavaScript source. Names and origins are tokens and serialized origins (no
 * quote or backslash can appear), so single-quoting them is safe.
 */
export function toJsValues(policy: CorsPolicy): JsValues {
  return {
    exact: array(policy.origins.exact),
    loopback: policy.origins.loopback
      ? `/${LOOPBACK_ORIGIN_SOURCE.replaceAll('/', String.raw`\/`)}/`
      : undefined,
    methods: array(policy.methods),
    allowHeaders: array(policy.allowHeaders),
    exposeHeaders: array(policy.exposeHeaders),
  }
}
