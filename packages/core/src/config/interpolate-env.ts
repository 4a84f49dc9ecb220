/** The result of {@link interpolateEnv}. */
export interface InterpolatedValue {
  /** The value with every reference replaced (a missing variable becomes `''`). */
  readonly value: string
  /** Variables referenced without a default that are unset or empty, in order of appearance. */
  readonly missing: readonly string[]
}

// `${NAME}` or `${NAME:-default}`; the default runs to the first `}` (no nesting).
const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g

/**
 * Replaces `${VAR}` and `${VAR:-default}` in `value` with values from `env`, with shell semantics:
 * the default applies when the variable is unset or empty. A variable without a default that is
 * unset or empty is reported in `missing` (an empty target is never what was meant). Text that is
 * not a reference (`$VAR`, `${1}`) is left as is. Pure: `env` is only read.
 * @example interpolateEnv('${API:-http://127.0.0.1:8080}/v1', {}) // { value: 'http://127.0.0.1:8080/v1', missing: [] }
 */
export function interpolateEnv(
  value: string,
  env: Readonly<Record<string, string | undefined>>,
): InterpolatedValue {
  const missing: string[] = []
  const replaced = value.replace(REFERENCE, (_, name: string, fallback: string | undefined) => {
    const found = Object.hasOwn(env, name) ? env[name] : undefined
    if (found !== undefined && found !== '') return found
    if (fallback !== undefined) return fallback
    if (!missing.includes(name)) missing.push(name)
    return ''
  })
  return { value: replaced, missing }
}
