/**
 * Milliseconds as an nginx time (`120s`, `1500ms`). `0` (no timeout in the config) becomes a year:
 * nginx has no "never" for its proxy timeouts.
 */
export function toNginxTime(ms: number): string {
  if (ms === 0) return '365d'
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`
}
