import type { ConfigIssue } from '../types.ts'
import type { ErrorCode } from './codes.ts'
import { ERROR_CODES, toDocsPath, toExplainCommand } from './codes.ts'

/** Options for {@link createError}. */
export interface ProxyErrorOptions {
  /** Replaces the registry's message with a more specific one. */
  message?: string
  /** Replaces the registry's hint with a more specific one. */
  hint?: string
  /** The underlying error (a socket error, a syntax error). */
  cause?: unknown
  /** Every problem found, for `ERR_CONFIG_INVALID`. */
  issues?: readonly ConfigIssue[]
  /** Extra facts for logs and JSON error bodies (route id, target). Never user-controlled HTML. */
  details?: Readonly<Record<string, string | number | undefined>>
}

/** The one error class of sameorigin: a stable code, a message, a hint and a docs link. */
export class ProxyError extends Error {
  override readonly name = 'ProxyError'
  readonly code: ErrorCode
  readonly hint: string
  /** The page that explains this code, relative to the repository root: `docs/errors/<code>.md`. */
  readonly docs: string
  /** The HTTP status a request ended by this error gets. */
  readonly status: number
  readonly issues: readonly ConfigIssue[]
  readonly details: Readonly<Record<string, string | number | undefined>>

  constructor(code: ErrorCode, options: ProxyErrorOptions = {}) {
    const info = ERROR_CODES[code]
    super(options.message ?? info.message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.hint = options.hint ?? info.hint
    this.docs = toDocsPath(code)
    this.status = info.status
    this.issues = options.issues ?? []
    this.details = options.details ?? {}
  }
}

/**
 * What `util.inspect` shows of a ProxyError (Vite prints a failed start with it, `console.error(error)`
 * too): the code, the message with every config problem, the hint and the explain command, once. The stack and
 * the fields as an object are noise for a config mistake, so they come only with `DEBUG=sameorigin:*`.
 * Defined on the prototype, outside the class body, so the declaration emitted for the class stays
 * plain.
 */
Object.defineProperty(ProxyError.prototype, Symbol.for('nodejs.util.inspect.custom'), {
  value(this: ProxyError): string {
    const text = `${this.name} ${this.code}: ${this.message}\n  hint: ${this.hint}\n  run: ${toExplainCommand(this.code)}`
    return isDebugging() ? `${text}\n${this.stack ?? ''}` : text
  },
})

/** `DEBUG` names a sameorigin namespace (or everything). Read without node:process: this file is pure. */
function isDebugging(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env
  return /(?:^|[\s,])(?:\*|sameorigin(?::[^\s,]*)?)(?=$|[\s,])/.test(env?.DEBUG ?? '')
}

/** Creates a {@link ProxyError} for `code`, with the registry's message and hint unless overridden. */
export function createError(code: ErrorCode, options?: ProxyErrorOptions): ProxyError {
  return new ProxyError(code, options)
}

/** True when `value` is a {@link ProxyError} (also across duplicated module copies). */
export function isProxyError(value: unknown): value is ProxyError {
  return (
    value instanceof ProxyError ||
    (value instanceof Error && value.name === 'ProxyError' && typeof (value as ProxyError).code === 'string')
  )
}
