import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TEMPLATES } from '../src/templates.ts'
import { makeTmpDir, readJson, runCli } from './_cli.ts'

describe('arguments and refusals (exit code 1, nothing written)', () => {
  it('refuses an unknown template and lists every template', async () => {
    const cwd = makeTmpDir()
    const result = await runCli(['my-app', '--template', 'solid'], { cwd })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('There is no template "solid". Pass one of these to --template:')
    for (const template of TEMPLATES) expect(result.stderr).toContain(`${template.name}`)
    expect(readdirSync(cwd)).toEqual([])
  })

  it('refuses a non-empty folder without --force and leaves its files alone', async () => {
    const cwd = makeTmpDir()
    mkdirSync(join(cwd, 'my-app'))
    writeFileSync(join(cwd, 'my-app/notes.txt'), 'mine')
    const result = await runCli(['my-app', '--template', 'vite-react'], { cwd })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('The folder my-app is not empty.')
    expect(result.stderr).toContain('pass --force')
    expect(readdirSync(join(cwd, 'my-app'))).toEqual(['notes.txt'])
  })

  it('without a terminal and without --template, says to pass --template', async () => {
    const cwd = makeTmpDir()
    // runCli pipes stdin and stdout: no terminal, as in CI or a script.
    const result = await runCli(['my-app'], { cwd })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('No template was given, and there is no terminal to ask in.')
    expect(result.stderr).toContain('--template <name>')
    expect(readdirSync(cwd)).toEqual([])
  })

  it('refuses an unknown option, a missing option value and a second folder', async () => {
    const cwd = makeTmpDir()
    const unknown = await runCli(['my-app', '--templte', 'next'], { cwd })
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain(
      'Unknown option --templte. Run create-sameorigin --help for the options.',
    )
    const missing = await runCli(['my-app', '--template'], { cwd })
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('--template')
    const two = await runCli(['my', 'app', '--template', 'next'], { cwd })
    expect(two.code).toBe(1)
    expect(two.stderr).toContain('Expected one folder, got 2: my app.')
    expect(readdirSync(cwd)).toEqual([])
  })

  it('refuses a target that is a file', async () => {
    const cwd = makeTmpDir()
    writeFileSync(join(cwd, 'my-app'), 'a file')
    const result = await runCli(['my-app', '--template', 'next'], { cwd })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('my-app exists and is not a folder.')
    expect(readFileSync(join(cwd, 'my-app'), 'utf8')).toBe('a file')
  })
})

describe('what succeeds', () => {
  it('--force empties a non-empty folder but keeps its .git', async () => {
    const cwd = makeTmpDir()
    mkdirSync(join(cwd, 'my-app/.git'), { recursive: true })
    writeFileSync(join(cwd, 'my-app/.git/HEAD'), 'ref: refs/heads/main\n')
    writeFileSync(join(cwd, 'my-app/old.txt'), 'old')
    const result = await runCli(['my-app', '--template', 'vite-react', '--force'], { cwd })
    expect(result.code).toBe(0)
    expect(existsSync(join(cwd, 'my-app/old.txt'))).toBe(false)
    expect(readFileSync(join(cwd, 'my-app/.git/HEAD'), 'utf8')).toBe('ref: refs/heads/main\n')
    expect(existsSync(join(cwd, 'my-app/vite.config.ts'))).toBe(true)
  })

  it('a folder with only .git counts as empty', async () => {
    const cwd = makeTmpDir()
    mkdirSync(join(cwd, 'my-app/.git'), { recursive: true })
    const result = await runCli(['my-app', '--template', 'next'], { cwd })
    expect(result.code).toBe(0)
    expect(existsSync(join(cwd, 'my-app/next.config.ts'))).toBe(true)
  })

  it('turns the folder name into a valid package name and quotes it in the next steps', async () => {
    const cwd = makeTmpDir()
    const result = await runCli(['My Shop App', '--template', 'rsbuild-react'], { cwd })
    expect(result.code).toBe(0)
    expect((readJson(join(cwd, 'My Shop App/package.json')) as { name: string }).name).toBe('my-shop-app')
    expect(result.stdout).toContain("  cd 'My Shop App'\n")
  })

  it('scaffolds into the current folder with "." and leaves cd out of the next steps', async () => {
    const cwd = makeTmpDir('Sameorigin Here ')
    const result = await runCli(['.', '--template', 'webpack-react'], { cwd })
    expect(result.code).toBe(0)
    const name = (readJson(join(cwd, 'package.json')) as { name: string }).name
    expect(name).toBe(basename(cwd).toLowerCase().replaceAll(' ', '-'))
    expect(result.stdout).not.toContain('cd ')
    expect(result.stdout).toContain('Next steps:\n\n  npm install\n  npm run dev\n')
  })

  it('defaults the folder to sameorigin-app when only the template is given', async () => {
    const cwd = makeTmpDir()
    const result = await runCli(['--template', 'vite-vue'], { cwd })
    expect(result.code).toBe(0)
    expect((readJson(join(cwd, 'sameorigin-app/package.json')) as { name: string }).name).toBe(
      'sameorigin-app',
    )
  })

  it.each([
    ['npm/11.19.1 node/v20.20.2 linux x64 workspaces/false', 'npm install\n  npm run dev'],
    ['pnpm/12.21.0 npm/? node/v20.20.2 linux x64', 'pnpm install\n  pnpm dev'],
    ['yarn/4.12.0 npm/? node/v20.20.2 linux x64', 'yarn\n  yarn dev'],
    ['bun/1.3.2 npm/? node/v24.3.0 linux x64', 'bun install\n  bun run dev'],
    [undefined, 'npm install\n  npm run dev'],
  ])('next steps for user agent %s', async (userAgent, commands) => {
    const cwd = makeTmpDir()
    const result = await runCli(['app', '--template', 'next'], { cwd, userAgent })
    expect(result.stdout).toContain(`  cd app\n  ${commands}\n`)
  })

  it('--help lists the options and every template', async () => {
    const result = await runCli(['--help'], { cwd: makeTmpDir() })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(
      'Usage: npm create sameorigin@latest [folder] -- [--template <name>] [--force]',
    )
    for (const template of TEMPLATES)
      expect(result.stdout).toContain(`${template.name.padEnd(15)}${template.label}`)
  })
})
