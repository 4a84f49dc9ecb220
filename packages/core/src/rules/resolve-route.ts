import type { CertificateInput, HeadersFunction, ResolvedRoute } from '../types.ts'
import type { ParsedRule } from './parse-rule.ts'
import { DEFAULTS } from './defaults.ts'
import { createError } from '../errors/proxy-error.ts'
import { compileMatcher } from './compile-matcher.ts'
import { compileRewrite } from './compile-rewrite.ts'
import { createReadonlySet } from '../internal/create-readonly-set.ts'
import { parseTarget } from './parse-target.ts'
import { resolveMock } from './resolve-mock.ts'
import { resolveRewrite } from './resolve-rewrite.ts'
import { withoutStatefulFlags } from '../internal/without-stateful-flags.ts'

/**
 * Turns one validated rule into a {@link ResolvedRoute}: defaults applied, matcher and rewrite
 * compiled, header names lower-cased, RegExps copied without `g`/`y`. Not frozen (the caller freezes
 * the whole config). `base` is the folder a relative `mock.dir` or handler module is read from (the
 * config file's, or the root). Throws `ERR_CONFIG_INVALID` if the rule was not validated first.
 */
export function resolveRoute(rule: ParsedRule, index: number, base?: string): ResolvedRoute {
  const { options } = rule
  const matcher = compileMatcher(rule.source)
  const target = parseTarget(options.target).target
  const rewrite = resolveRewrite(options, matcher, rule.configPath)
  if (target === undefined || rewrite.problem !== undefined) {
    throw createError('ERR_CONFIG_INVALID', {
      message: `Route ${rule.configPath} was resolved without being validated.`,
    })
  }
  const { toUpstreamPath, toDevPath } = compileRewrite({
    matcher,
    basePath: target.basePath,
    rewrite: rewrite.rewrite,
    query: rewrite.query,
    id: rule.id,
  })
  const methods = options.methods as readonly string[] | undefined
  const ca = options.ca as CertificateInput | readonly CertificateInput[] | undefined
  return {
    index,
    id: rule.id,
    configPath: rule.configPath,
    kind: matcher.kind,
    source: matcher.regexp ?? (matcher.kind === 'prefix' ? matcher.prefix || '/' : (rule.source as string)),
    target,
    methods:
      methods === undefined ? undefined : createReadonlySet(methods.map((method) => method.toUpperCase())),
    matchHeaders: lowerCaseConditions(options.matchHeaders),
    headers: typeof options.headers === 'function' ? {} : lowerCaseNames(options.headers),
    headersFunction: typeof options.headers === 'function' ? (options.headers as HeadersFunction) : undefined,
    responseHeaders: lowerCaseNames(options.responseHeaders),
    rewriteTemplate: rewrite.template,
    rewriteIsFunction: typeof rewrite.rewrite === 'function',
    ws: (options.ws as boolean | undefined) ?? DEFAULTS.ws,
    timeout: (options.timeout as number | undefined) ?? DEFAULTS.timeout,
    connectTimeout: (options.connectTimeout as number | undefined) ?? DEFAULTS.connectTimeout,
    changeOrigin: (options.changeOrigin as boolean | undefined) ?? DEFAULTS.changeOrigin,
    xfwd: (options.xfwd as boolean | undefined) ?? DEFAULTS.xfwd,
    rewriteOrigin: (options.rewriteOrigin as boolean | undefined) ?? DEFAULTS.rewriteOrigin,
    cookies: (options.cookies as boolean | undefined) ?? DEFAULTS.cookies,
    redirects: (options.redirects as boolean | undefined) ?? DEFAULTS.redirects,
    secure: (options.secure as boolean | undefined) ?? DEFAULTS.secure,
    // Bytes are copied so later changes by the caller cannot reach the resolved config.
    ca:
      ca === undefined
        ? undefined
        : (Array.isArray(ca) ? ca : [ca]).map((v: CertificateInput) =>
            typeof v === 'string' ? v : v.slice(),
          ),
    mock: resolveMock(options.mock, base),
    matchPath: matcher.matchPath,
    toUpstreamPath,
    toDevPath,
  }
}

function lowerCaseNames(headers: unknown): Record<string, string | null> {
  const out: Record<string, string | null> = {}
  if (headers === undefined) return out
  for (const [name, value] of Object.entries(headers as Record<string, string | null>))
    out[name.toLowerCase()] = value
  return out
}

function lowerCaseConditions(conditions: unknown): Record<string, string | RegExp | boolean> | undefined {
  if (conditions === undefined) return undefined
  const out: Record<string, string | RegExp | boolean> = {}
  for (const [name, value] of Object.entries(conditions as Record<string, string | RegExp | boolean>)) {
    out[name.toLowerCase()] = value instanceof RegExp ? withoutStatefulFlags(value) : value
  }
  // No conditions at all is the same as none given: skip the check per request.
  return Object.keys(out).length === 0 ? undefined : out
}
