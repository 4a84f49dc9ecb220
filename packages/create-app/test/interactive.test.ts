import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeTmpDir, readJson } from './_cli.ts'
import { HAS_SCRIPT, KEYS, runInTerminal } from './_terminal.ts'

type Manifest = { name: string; dependencies: Record<string, string> }

// The prompts only run when stdin and stdout are terminals; `script` gives the bin a real one, and
// the test answers with the keys a user would press.
describe.skipIf(!HAS_SCRIPT)('in a terminal, without --template', () => {
  it('asks for the folder and the template, then scaffolds the one chosen', async () => {
    const cwd = makeTmpDir()
    const session = runInTerminal([], cwd)
    await session.waitFor('Project folder:')
    session.type(`shop${KEYS.enter}`)
    await session.waitFor('Template:')
    await session.waitFor('Rsbuild + React')
    // The second entry: Vite + Vue.
    session.type(KEYS.down)
    session.type(KEYS.enter)
    expect(await session.exited).toBe(0)
    expect(session.output()).toContain(`Created a Vite + Vue app in ${join(cwd, 'shop')}`)
    expect(session.output()).toContain('cd shop')
    const manifest = readJson(join(cwd, 'shop/package.json')) as Manifest
    expect(manifest.name).toBe('shop')
    expect(manifest.dependencies.vue).toBeDefined()
  })

  it('an empty folder answer takes sameorigin-app', async () => {
    const cwd = makeTmpDir()
    const session = runInTerminal(['--template', 'next'], cwd)
    await session.waitFor('Project folder:')
    session.type(KEYS.enter)
    expect(await session.exited).toBe(0)
    expect(existsSync(join(cwd, 'sameorigin-app/next.config.ts'))).toBe(true)
  })

  it('asks before touching a non-empty folder; Cancel (the default) writes nothing', async () => {
    const cwd = makeTmpDir()
    mkdirSync(join(cwd, 'my-app'))
    writeFileSync(join(cwd, 'my-app/notes.txt'), 'mine')
    const session = runInTerminal(['my-app'], cwd)
    await session.waitFor('The folder my-app is not empty. What now?')
    await session.waitFor('Remove its files and continue')
    session.type(KEYS.enter)
    expect(await session.exited).toBe(1)
    expect(session.output()).toContain('Cancelled: nothing was written.')
    expect(readdirSync(join(cwd, 'my-app'))).toEqual(['notes.txt'])
  })

  it('"Remove its files and continue" empties the folder and scaffolds', async () => {
    const cwd = makeTmpDir()
    mkdirSync(join(cwd, 'my-app'))
    writeFileSync(join(cwd, 'my-app/notes.txt'), 'mine')
    const session = runInTerminal(['my-app', '--template', 'webpack-react'], cwd)
    await session.waitFor('Remove its files and continue')
    session.type(KEYS.down)
    session.type(KEYS.enter)
    expect(await session.exited).toBe(0)
    expect(existsSync(join(cwd, 'my-app/notes.txt'))).toBe(false)
    expect(existsSync(join(cwd, 'my-app/webpack.config.mjs'))).toBe(true)
  })

  it('Ctrl-C at a question stops with exit code 1 and writes nothing', async () => {
    const cwd = makeTmpDir()
    const session = runInTerminal([], cwd)
    await session.waitFor('Project folder:')
    session.type(KEYS.ctrlC)
    expect(await session.exited).toBe(1)
    expect(session.output()).toContain('Cancelled: nothing was written.')
    expect(readdirSync(cwd)).toEqual([])
  })
})
