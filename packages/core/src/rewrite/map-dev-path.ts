const SLASH = 47
const SPACE = 32
const DEL = 127
const BACKSLASH = 92

/**
 * Calls a route's `toDevPath` and keeps its answer only when it is a plain path: it starts with `/`
 * and holds no whitespace, control characters or backslashes (which the URL parser strips or reads as
 * `/`, and which would turn a path into a network-path reference to another host). Anything else,
 * including an exception from the mapper, counts as "cannot map": these rewriters never throw.
 * Internal to `rewrite/`, not re-exported.
 */
export function mapDevPath(
  toDevPath: (upstreamPath: string) => string | undefined,
  upstreamPath: string,
): string | undefined {
  let mapped: string | undefined
  try {
    mapped = toDevPath(upstreamPath)
  } catch {
    return undefined
  }
  if (typeof mapped !== 'string' || mapped.charCodeAt(0) !== SLASH) return undefined
  for (let i = 1; i < mapped.length; i++) {
    const code = mapped.charCodeAt(i)
    if (code <= SPACE || code === DEL || code === BACKSLASH) return undefined
  }
  return mapped
}
