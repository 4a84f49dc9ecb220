import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect, it } from 'vitest'
import { TEMPLATES, templateDir } from '../src/templates.ts'
import { listFiles, PACKAGE_ROOT } from './_cli.ts'

const run = promisify(execFile)
const pnpm = join(PACKAGE_ROOT, '../../node_modules/.bin/pnpm')

// `"files": ["template-*"]` packs no template folder with npm 11 / pnpm 12, and dotfiles (.env) are
// easy to lose: check the tarball pnpm would publish, file by file.
it('the tarball holds the bin, the bundle and every template file', async () => {
  const { stdout } = await run(pnpm, ['pack', '--dry-run', '--json'], { cwd: PACKAGE_ROOT })
  const packed = new Set((JSON.parse(stdout) as { files: { path: string }[] }).files.map((file) => file.path))

  for (const file of ['index.js', 'dist/index.mjs', 'package.json', 'README.md'])
    expect(packed).toContain(file)
  for (const template of TEMPLATES) {
    for (const file of listFiles(templateDir(template))) {
      expect(packed, `template-${template.name}/${file}`).toContain(`template-${template.name}/${file}`)
    }
  }
  // Nothing else: no sources, tests or configs of this package.
  const expected = TEMPLATES.flatMap((template) =>
    listFiles(templateDir(template)).map((file) => `template-${template.name}/${file}`),
  )
  const extra = [...packed].filter((file) => !expected.includes(file) && !file.startsWith('dist/'))
  expect(extra.toSorted()).toEqual(['LICENSE', 'README.md', 'index.js', 'package.json'])
})
