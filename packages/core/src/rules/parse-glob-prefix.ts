/**
 * http-proxy-middleware and webpack-dev-server write "everything below" as a glob: `/api/**` is read
 * as the prefix `/api`, `/**` as `/`. Anything else is returned unchanged (and other globs are then
 * reported by the path parser with a fix).
 */
export function parseGlobPrefix(source: string): string {
  if (source === '**' || source === '/**') return '/'
  return source.endsWith('/**') && !source.slice(0, -3).includes('*') ? source.slice(0, -3) || '/' : source
}
