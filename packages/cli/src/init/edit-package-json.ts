import type { PackageManager, Tool } from '../project/detect-project.ts'

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']

/** The package.json text with `packages` added, and which of them were not there yet. */
export interface PackageJsonEdit {
  readonly text: string
  readonly added: readonly string[]
}

/** The field sameorigin's packages go in: `devDependencies`, or `dependencies` for server code. */
export type DependencyField = 'dependencies' | 'devDependencies'

// The frameworks' server code imports sameorigin at run time (hooks, loaders, middleware): the package
// goes where the project keeps the framework's own runtime package, so a production install has it.
const RUNTIME_PACKAGE: Readonly<Partial<Record<Tool, string>>> = {
  sveltekit: '@sveltejs/kit',
  nuxt: 'nuxt',
  astro: 'astro',
  'react-router': 'react-router',
}

/**
 * `devDependencies` (sameorigin runs in dev servers), or for a framework the field that lists the
 * framework's runtime package (SvelteKit apps keep everything in `devDependencies`, Nuxt, Astro and
 * React Router apps their runtime in `dependencies`).
 */
export function chooseDependencyField(tool: Tool, text: string): DependencyField {
  const runtime = RUNTIME_PACKAGE[tool]
  if (runtime === undefined) return 'devDependencies'
  const json = JSON.parse(text) as Record<string, Record<string, unknown> | undefined>
  return json.dependencies !== undefined && Object.hasOwn(json.dependencies, runtime)
    ? 'dependencies'
    : 'devDependencies'
}

/**
 * Adds `packages` (name → range) to `field` (`devDependencies` unless told), unless a package is
 * already listed in any dependency field. The file keeps its key order, indentation, line endings and
 * final newline; a new key goes where it sorts when the existing ones are sorted (as package managers
 * write them), else last. A new `devDependencies` goes after `dependencies`, a new `dependencies`
 * before `devDependencies`.
 */
export function addDependencies(
  text: string,
  packages: Readonly<Record<string, string>>,
  field: DependencyField = 'devDependencies',
): PackageJsonEdit {
  const json = JSON.parse(text) as Record<string, unknown>
  const listed = (name: string): boolean =>
    DEPENDENCY_FIELDS.some((key) => {
      const deps = json[key]
      return typeof deps === 'object' && deps !== null && Object.hasOwn(deps, name)
    })
  const added = Object.keys(packages).filter((name) => !listed(name))
  if (added.length === 0) return { text, added }

  let deps = (json[field] ?? {}) as Record<string, string>
  for (const name of added) deps = insertKey(deps, name, packages[name] as string)
  const result: Record<string, unknown> = {}
  const keys = Object.keys(json)
  if (!keys.includes(field)) {
    const devAt = keys.indexOf('devDependencies')
    const at =
      field === 'dependencies'
        ? devAt === -1
          ? keys.length
          : devAt
        : keys.indexOf('dependencies') === -1
          ? keys.length
          : keys.indexOf('dependencies') + 1
    keys.splice(at, 0, field)
  }
  for (const key of keys) result[key] = key === field ? deps : json[key]

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
