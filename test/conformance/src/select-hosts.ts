import process from 'node:process'

/**
 * The host names `CONFORMANCE_HOSTS` selects (`vite-dev,core-server`), or `undefined` for every host.
 * Unknown names are an error, so a typo cannot turn the suite into a silent no-op.
 */
export function selectHostNames(
  known: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): ReadonlySet<string> {
  const raw = env.CONFORMANCE_HOSTS?.trim()
  if (raw === undefined || raw === '') return new Set(known)
  const names = raw
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
  const unknown = names.filter((name) => !known.includes(name))
  if (unknown.length > 0) {
    throw new Error(
      `CONFORMANCE_HOSTS names unknown hosts: ${unknown.join(', ')}. Known: ${known.join(', ')}.`,
    )
  }
  return new Set(names)
}
