import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { expect, it } from 'vitest'

const run = promisify(execFile)

// The README's first command ends in this script: it must run every step and exit 0.
it('runs the demo walkthrough end to end', async () => {
  const { stdout } = await run(process.execPath, ['src/demo.mjs', '--once'], {
    cwd: new URL('..', import.meta.url),
    env: { ...process.env, NO_COLOR: '1', PORT: '0' },
  })
  expect(stdout).toContain('demo: every step passed')
  expect(stdout).toMatch(/POST \/api\/login .* → 303, Location: \/api\/me\n/)
  expect(stdout).toMatch(/browser gets: {2}Set-Cookie: session=[^;]+; Path=\/api; HttpOnly/)
  expect(stdout).not.toMatch(/✖/)
})
