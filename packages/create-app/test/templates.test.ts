import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TEMPLATES, templateDir } from '../src/templates.ts'
import { listFiles, PACKAGE_ROOT, readJson, TEMPLATE_ROWS } from './_cli.ts'

type Manifest = {
  scripts: Record<string, string>
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
}

const repoRoot = join(PACKAGE_ROOT, '../..')
const read = (template: (typeof TEMPLATES)[number], file: string) =>
  readFileSync(join(templateDir(template), file), 'utf8')
const manifestOf = (template: (typeof TEMPLATES)[number]) =>
  readJson(join(templateDir(template), 'package.json')) as Manifest

/**
 * Every version the workspace itself uses (the examples, the conformance hosts, the root): a template
 * asking for the same range installs from the pnpm store the workspace already filled.
 */
function workspaceRanges(): Map<string, Set<string>> {
  const ranges = new Map<string, Set<string>>()
  const manifests = [
    join(repoRoot, 'package.json'),
    join(repoRoot, 'test/conformance/package.json'),
    ...readdirSync(join(repoRoot, 'examples')).map((name) =>
      join(repoRoot, 'examples', name, 'package.json'),
    ),
  ]
  for (const path of manifests) {
    const manifest = readJson(path) as Manifest
    for (const [name, range] of Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })) {
      if (!ranges.has(name)) ranges.set(name, new Set())
      ranges.get(name)?.add(range)
    }
  }
  return ranges
}

/** dev.mjs without the line naming the dev server, the one line where the templates' copies differ. */
function withoutDevServer(text: string): string {
  return text.replace(/^const DEV_SERVER = .*$/m, '')
}

/** sameorigin.config.ts without its import, the one line where the templates' copies differ. */
function withoutImport(text: string): string {
  return text.replace(/^import \{ defineConfig \} from .*$/m, '')
}

describe('the template folders', () => {
  it('are exactly the templates the command offers', () => {
    const folders = readdirSync(PACKAGE_ROOT)
      .filter((name) => name.startsWith('template-'))
      .map((name) => name.slice('template-'.length))
      .toSorted()
    expect(folders).toEqual(TEMPLATES.map((template) => template.name).toSorted())
  })

  it.each(TEMPLATE_ROWS)('%s has what every app gets', (_name, template) => {
    const files = listFiles(templateDir(template))
    for (const file of [
      '.env',
      '_gitignore',
      'README.md',
      'backend.mjs',
      'dev.mjs',
      'package.json',
      'sameorigin.config.ts',
      'tsconfig.json',
    ]) {
      expect(files).toContain(file)
    }
    expect(files).not.toContain('.gitignore')
    expect(files.filter((file) => file.includes('node_modules') || file.startsWith('dist/'))).toEqual([])
  })

  it.each(TEMPLATE_ROWS)(
    '%s shares the demo backend, .env and sameorigin.config.ts with the others',
    (_name, template) => {
      const [first] = TEMPLATES
      if (!first) throw new Error('no templates')
      const shared = (from: (typeof TEMPLATES)[number]) => ({
        'backend.mjs': read(from, 'backend.mjs'),
        '.env': read(from, '.env'),
        // sameorigin.config.ts imports defineConfig from the template's adapter, and differs only there.
        'sameorigin.config.ts': withoutImport(read(from, 'sameorigin.config.ts')),
        // dev.mjs differs in the dev server it starts, and only there.
        'dev.mjs': withoutDevServer(read(from, 'dev.mjs')),
      })
      expect(shared(template)).toEqual(shared(first))
      expect(read(template, 'sameorigin.config.ts')).toContain("'/api': '${API_TARGET}'")
      expect(read(template, 'sameorigin.config.ts')).toMatch(
        new RegExp(`^import \\{ defineConfig \\} from '${template.adapter}'$`, 'm'),
      )
      expect(read(template, '.env')).toMatch(/^API_TARGET=http:\/\/127\.0\.0\.1:4020$/m)
    },
  )

  it.each(TEMPLATE_ROWS)('%s has the dev, backend and build scripts, and its adapter', (_name, template) => {
    const manifest = manifestOf(template)
    expect(manifest.scripts.dev).toBe('node dev.mjs')
    expect(manifest.scripts.backend).toBe('node backend.mjs')
    expect(manifest.scripts.build).toBeDefined()
    const dependencies = { ...manifest.dependencies, ...manifest.devDependencies }
    // The published packages, whatever the release: the scaffolder writes ^<its version> over these.
    expect(dependencies[template.adapter]).toBe('latest')
    // The adapter re-exports defineConfig: the one sameorigin package the app installs (with pnpm, a
    // core installed only as the adapter's dependency is out of the config file's reach, and unneeded).
    expect(Object.keys(dependencies).filter((name) => name.startsWith('@sameorigin/'))).toEqual([
      template.adapter,
    ])
  })

  it.each(TEMPLATE_ROWS)('%s asks for the tool versions the workspace uses', (_name, template) => {
    const ranges = workspaceRanges()
    const manifest = manifestOf(template)
    for (const [name, range] of Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })) {
      const used = ranges.get(name)
      // Packages no workspace project uses (Vue) have nothing to agree with.
      if (name.startsWith('@sameorigin/') || !used) continue
      expect({ [name]: [...used] }).toEqual({ [name]: expect.arrayContaining([range]) })
    }
  })
})
