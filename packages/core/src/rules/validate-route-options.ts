import type { ConfigIssue } from '../types.ts'
import { describeValue } from '../internal/describe-value.ts'
import { didYouMean } from '../internal/did-you-mean.ts'
import { HTTP_METHODS } from './http-methods.ts'
import { validateHeaders } from './validate-headers.ts'
import { validateMock } from './validate-mock.ts'

const BOOLEAN_OPTIONS = ['ws', 'changeOrigin', 'xfwd', 'rewriteOrigin', 'cookies', 'redirects', 'secure']
// setTimeout fires at once for delays above 2^31-1 ms: a huge timeout would mean "fail immediately".
const MAX_TIMEOUT = 2_147_483_647

/**
 * Checks a route's options other than the target, path and rewrite: booleans, timeouts (whole,
 * non-negative milliseconds), methods (known HTTP methods), header maps, `ca` and `mock`.
 */
export function validateRouteOptions(
  options: Readonly<Record<string, unknown>>,
  configPath: string,
): ConfigIssue[] {
  const issues: ConfigIssue[] = []
  const add = (key: string, message: string, fix: string): void => {
    issues.push({
      code: 'ERR_RULE_OPTION_INVALID',
      severity: 'error',
      path: `${configPath}.${key}`,
      message,
      fix,
    })
  }
  for (const key of BOOLEAN_OPTIONS) {
    const value = options[key]
    if (value !== undefined && typeof value !== 'boolean') {
      add(
        key,
        `must be true or false, got ${describeValue(value)}`,
        `${key}: ${value === 'false' || value === 0 ? 'false' : 'true'}`,
      )
    }
  }
  for (const key of ['timeout', 'connectTimeout']) {
    const value = options[key]
    if (value === undefined) continue
    const fix = `${key}: ${key === 'timeout' ? 30000 : 5000}`
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      add(key, `must be a whole number of milliseconds, 0 or more, got ${describeValue(value)}`, fix)
    } else if (value > MAX_TIMEOUT) {
      add(key, `must be at most ${MAX_TIMEOUT} ms (about 24.8 days); use 0 to disable it`, fix)
    }
  }
  if (options.methods !== undefined) issues.push(...validateMethods(options.methods, `${configPath}.methods`))
  for (const key of ['headers', 'responseHeaders', 'matchHeaders']) {
    // A function is called per request; its values are checked then (`resolvePlanHeaders`).
    if (key === 'headers' && typeof options[key] === 'function') continue
    if (options[key] !== undefined)
      issues.push(
        ...validateHeaders(
          options[key],
          `${configPath}.${key}`,
          key === 'matchHeaders' ? 'condition' : 'set',
        ),
      )
  }
  if (options.ca !== undefined) {
    const list = Array.isArray(options.ca) ? options.ca : [options.ca]
    for (const ca of list) {
      if (ca instanceof Uint8Array) continue
      if (typeof ca !== 'string')
        add(
          'ca',
          `must be PEM text or its bytes, got ${describeValue(ca)}`,
          "ca: readFileSync('./certs/ca.pem', 'utf8')",
        )
      else if (!ca.includes('-----BEGIN')) {
        const file = /\.(?:pem|crt|cer)$/i.test(ca.trim()) ? ca.trim() : './certs/ca.pem'
        add(
          'ca',
          'is not PEM text (a certificate starts with -----BEGIN CERTIFICATE-----); pass the file contents, not its path',
          `ca: readFileSync('${file}', 'utf8')`,
        )
      }
    }
  }
  if (options.mock !== undefined) issues.push(...validateMock(options.mock, `${configPath}.mock`))
  return issues
}

function validateMethods(value: unknown, path: string): ConfigIssue[] {
  const issue = (message: string, fix: string): ConfigIssue => ({
    code: 'ERR_RULE_OPTION_INVALID',
    severity: 'error',
    path,
    message,
    fix,
  })
  if (typeof value === 'string')
    return [issue('must be a list of methods', `methods: ['${value.toUpperCase()}']`)]
  if (!Array.isArray(value))
    return [issue(`must be a list of methods, got ${describeValue(value)}`, "methods: ['GET', 'POST']")]
  if (value.length === 0)
    return [issue('is empty, so the route could never match', 'remove `methods` to match every method')]
  const issues: ConfigIssue[] = []
  value.forEach((method: unknown, i) => {
    const at: ConfigIssue = {
      code: 'ERR_RULE_OPTION_INVALID',
      severity: 'error',
      path: `${path}[${i}]`,
      message: '',
    }
    if (typeof method !== 'string') {
      issues.push({ ...at, message: `must be a method name, got ${describeValue(method)}`, fix: "'GET'" })
    } else if (!HTTP_METHODS.includes(method.toUpperCase())) {
      const guess = didYouMean(method.toUpperCase(), HTTP_METHODS)
      const message =
        guess === undefined
          ? `'${method}' is not an HTTP method`
          : `'${method}' is not an HTTP method; did you mean '${guess}'?`
      issues.push({ ...at, message, fix: `'${guess ?? 'GET'}'` })
    }
  })
  return issues
}
