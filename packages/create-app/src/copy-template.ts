import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Files stored under another name in the package: a `.gitignore` inside a published package does not
 * reach the user intact (npm reads it as the package's own ignore list), so templates ship `_gitignore`.
 */
const RENAMED: Readonly<Record<string, string>> = { _gitignore: '.gitignore' }

/** What {@link copyTemplate} writes into the new app's package.json. */
export interface CopyTemplateOptions {
  /** The `name` field: the new app's package name. */
  readonly packageName: string
  /**
   * This package's own version: every `@sameorigin/*` dependency gets `^version`, since the
   * scaffolder and the sameorigin packages are released together with one version.
   */
  readonly version: string
}

/**
 * Copies a template folder into `targetDir` (created if needed), renaming `_gitignore` to
 * `.gitignore` and writing the package name and the `@sameorigin/*` versions into package.json.
 */
export function copyTemplate(templateDir: string, targetDir: string, options: CopyTemplateOptions): void {
  copyDir(templateDir, targetDir)
  const manifestPath = join(targetDir, 'package.json')
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>
  writeFileSync(manifestPath, `${JSON.stringify(toAppManifest(manifest, options), null, 2)}\n`)
}

function copyDir(from: string, to: string): void {
  mkdirSync(to, { recursive: true })
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const name = RENAMED[entry.name] ?? entry.name
    if (entry.isDirectory()) copyDir(join(from, entry.name), join(to, name))
    else copyFileSync(join(from, entry.name), join(to, name))
  }
}

/**
 * The template's package.json as the new app's: its name, and `^version` for the `@sameorigin/*`
 * packages (the templates say `latest`, which a copied template folder would also install). Key
 * order is kept, `name` first.
 */
export function toAppManifest(
  manifest: Readonly<Record<string, unknown>>,
  options: CopyTemplateOptions,
): Record<string, unknown> {
  const result: Record<string, unknown> = { name: options.packageName }
  for (const [key, value] of Object.entries(manifest)) {
    if (key === 'name') continue
    const isDependencies = key === 'dependencies' || key === 'devDependencies'
    result[key] = isDependencies
      ? withSameoriginVersion(value as Record<string, string>, options.version)
      : value
  }
  return result
}

function withSameoriginVersion(
  dependencies: Readonly<Record<string, string>>,
  version: string,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(dependencies).map(([name, range]) => [
      name,
      name.startsWith('@sameorigin/') ? `^${version}` : range,
    ]),
  )
}
