import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import process from 'node:process'
import { isOlder } from '../src/format-next-steps.ts'
import { templateDir } from '../src/templates.ts'
import { listFiles, makeTmpDir, PNPM_USER_AGENT, readJson, runCli, TEMPLATE_ROWS, VERSION } from './_cli.ts'

type Manifest = {
  name: string
  scripts: Record<string, string>
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
}

// The real bin, run as `pnpm create sameorigin my-app --template <name>` would run it.
describe.each(TEMPLATE_ROWS)('create-sameorigin my-app --template %s', (_name, template) => {
  it('copies every template file, with _gitignore renamed to .gitignore', async () => {
    const cwd = makeTmpDir()
    const result = await runCli(['my-app', '--template', template.name], { cwd, userAgent: PNPM_USER_AGENT })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)

    const app = join(cwd, 'my-app')
    const source = templateDir(template)
    const expected = listFiles(source)
      .map((file) => (file === '_gitignore' ? '.gitignore' : file))
      .toSorted()
    expect(listFiles(app)).toEqual(expected)
    expect(existsSync(join(app, '.gitignore'))).toBe(true)
    expect(existsSync(join(app, '_gitignore'))).toBe(false)
    // Byte for byte, except package.json (name and versions are written).
    const copied = expected.filter((file) => file !== 'package.json')
    const contents = (dir: string, rename: (file: string) => string) =>
      Object.fromEntries(
        copied.map((file) => [file, readFileSync(join(dir, rename(file))).toString('base64')]),
      )
    expect(contents(app, (file) => file)).toEqual(
      contents(source, (file) => (file === '.gitignore' ? '_gitignore' : file)),
    )
  })

  it('names the package after the folder and pins @sameorigin/* to this version', async () => {
    const cwd = makeTmpDir()
    await runCli(['my-app', '--template', template.name], { cwd, userAgent: PNPM_USER_AGENT })
    const written = readJson(join(cwd, 'my-app/package.json')) as Manifest
    const original = readJson(join(templateDir(template), 'package.json')) as Manifest

    expect(written.name).toBe('my-app')
    expect(Object.keys(written)[0]).toBe('name')
    expect(written.scripts).toEqual(original.scripts)
    const all = { ...written.dependencies, ...written.devDependencies }
    expect(all[template.adapter]).toBe(`^${VERSION}`)
    for (const key of ['dependencies', 'devDependencies'] as const) {
      const expected = Object.fromEntries(
        Object.entries(original[key] ?? {}).map(([name, range]) => [
          name,
          name.startsWith('@sameorigin/') ? `^${VERSION}` : range,
        ]),
      )
      expect(written[key] ?? {}).toEqual(expected)
    }
  })

  it('writes API_TARGET in .env and prints the next steps for pnpm', async () => {
    const cwd = makeTmpDir()
    const { stdout } = await runCli(['my-app', '-t', template.name], { cwd, userAgent: PNPM_USER_AGENT })
    expect(readFileSync(join(cwd, 'my-app/.env'), 'utf8')).toMatch(/^API_TARGET=http:\/\/127\.0\.0\.1:4020$/m)
    expect(stdout).toContain(`Created a ${template.label} app in ${join(cwd, 'my-app')}`)
    expect(stdout).toContain('  cd my-app\n  pnpm install\n  pnpm dev\n')
    expect(stdout).toContain(`Open ${template.devUrl}`)
    // The full-stack templates point at their server-rendered page.
    expect(stdout.includes(`open ${template.devUrl}/ssr:`)).toBe(template.ssrPage === '/ssr')
    // A framework that needs a newer Node than the one running says so (and the app still gets written).
    const tooOld = template.node !== undefined && isOlder(process.versions.node, template.node)
    expect(
      stdout.includes(`needs Node ${template.node} or newer; this is Node ${process.versions.node}.`),
    ).toBe(tooOld)
  })
})
