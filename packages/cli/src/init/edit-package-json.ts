import type { PackageManager } from '../project/detect-project.ts'

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']

/** The package.json text with `packages` added, and which of them were not there yet. */
export interface PackageJsonEdit {
  readonly text: string
  readonly added: readonly string[]
}

/**
 * Adds `packages` (name → range) to `devDependencies` (sameorigin only runs in dev servers), unless a
 * package is already listed in any dependency field. The file keeps its key order, indentation, line
 * endings and final newline; a new key goes where it sorts when the existing ones are sorted (as
 * package managers write them), else last. `devDependencies` itself is created after `dependencies`.
 */
export function addDevDependencies(
  text: string,
  packages: Readonly<Record<string, string>>,
): PackageJsonEdit {
  const json = JSON.parse(text) as Record<string, unknown>
  const listed = (name: string): boolean =>
    DEPENDENCY_FIELDS.some((field) => {
      const deps = json[field]
      return typeof deps === 'object' && deps !== null && Object.hasOwn(deps, name)
    })
  const added = Object.keys(packages).filter((name) => !listed(name))
  if (added.length === 0) return { text, added }

  let dev = (json.devDependencies ?? {}) as Record<string, string>
  for (const name of added) dev = insertKey(dev, name, packages[name] as string)
  const result: Record<string, unknown> = {}
  const keys = Object.keys(json)
  if (!keys.includes('devDependencies')) {
    const after = keys.indexOf('dependencies')
    keys.splice(after === -1 ? keys.length : after + 1, 0, 'devDependencies')
  }
  for (const key of keys) result[key] = key === 'devDependencies' ? dev : json[key]

  const indent = /^([ \t]+)"/m.exec(text)?.[1] ?? '  '
  const newline = text.includes('\r\n') ? '\r\n' : '\n'
  const ending = /\r?\n$/.test(text) ? newline : ''
  return { text: JSON.stringify(result, null, indent).replace(/\n/g, newline) + ending, added }
}

function insertKey(object: Record<string, string>, key: string, value: string): Record<string, string> {
  const keys = Object.keys(object)
  const sorted = keys.every(
    (name, index) => index === 0 || (keys[index - 1] as string).localeCompare(name) <= 0,
  )
  const at = sorted ? keys.findIndex((name) => name.localeCompare(key) > 0) : -1
  const entries = Object.entries(object)
  entries.splice(at === -1 ? entries.length : at, 0, [key, value])
  return Object.fromEntries(entries)
}

/** The command that installs what package.json lists, for the project's package manager. */
export function installCommand(manager: PackageManager): string {
  return manager === 'yarn' ? 'yarn' : `${manager} install`
}
