import { normalizePath } from './normalize-path.ts'
import { createUnsafePathError } from './unsafe-path-error.ts'

/**
 * Joins a target's base path (`''` or `/v1`, normalised, no trailing slash) and a rewritten path,
 * normalises the result and checks it stays inside the base path. `''` stands for the base path itself;
 * a path without a leading slash gets one. Throws `ERR_REQUEST_PATH_UNSAFE` when a rewrite climbs out
 * (`/../admin`) or produces a path that would be refused as a request.
 * @example joinBasePath('/v1', '/users') // '/v1/users'
 */
export function joinBasePath(basePath: string, path: string, route?: string): string {
  if (path === '') return basePath === '' ? '/' : basePath
  const joined = normalizePath(basePath + (path.charCodeAt(0) === 47 ? path : `/${path}`))
  if (basePath !== '' && joined !== basePath && !joined.startsWith(`${basePath}/`)) {
    throw createUnsafePathError('outside-base-path', route)
  }
  return joined
}
