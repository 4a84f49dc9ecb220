import type { MockHandler, MockMode, MockOptions, ResolvedMock } from '../types.ts'
import { createReadonlySet } from '../internal/create-readonly-set.ts'
import { DEFAULTS } from './defaults.ts'

/**
 * A validated `mock` option with its defaults: a string is `{ dir, mode: 'fallback' }`; `dir` and a
 * handler module path are joined to `base` (the config file's folder, or the root) unless absolute.
 * Pure: no `node:path` (the Node side normalises the joined path when it reads it).
 */
export function resolveMock(value: unknown, base: string | undefined): ResolvedMock | undefined {
  if (value === undefined) return undefined
  const options: MockOptions = typeof value === 'string' ? { dir: value } : (value as MockOptions)
  const { handler } = options
  return {
    dir: options.dir === undefined ? undefined : joinToBase(base, options.dir),
    handler: typeof handler === 'function' ? (handler as MockHandler) : undefined,
    handlerModule: typeof handler === 'string' ? joinToBase(base, handler) : undefined,
    mode: options.mode ?? (DEFAULTS.mockMode as MockMode),
    statuses: createReadonlySet(options.statuses ?? DEFAULTS.mockStatuses),
    keepSecrets: options.keepSecrets ?? DEFAULTS.mockKeepSecrets,
  }
}

/** `path` itself when absolute (POSIX, `C:\`, `\\server`), else `base` + `/` + `path`. */
function joinToBase(base: string | undefined, path: string): string {
  if (base === undefined || /^(?:[/\\]|[A-Za-z]:[/\\])/.test(path)) return path
  return `${base.replace(/[/\\]+$/, '')}/${path.replace(/^(?:\.[/\\])+/, '')}`
}

/** The folder of a file path (`/a/b/c.ts` → `/a/b`), without `node:path`. */
export function toParentDirectory(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'))
  return cut <= 0 ? file.slice(0, cut + 1) || '/' : file.slice(0, cut)
}
