// `sameorigin init` in a terminal: it asks before moving entries and, for Next, before choosing the
// route handler. A pseudo-terminal (a stream that says it is a TTY) answers the questions.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PassThrough, Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createContext } from '../../src/context.ts'
import { runCli } from '../../src/run-cli.ts'
import { makeProject, packageJsonFor } from './_project.ts'

const NEXT_CONFIG = `const nextConfig = {
  async rewrites() {
    return [{ source: '/api/:path*', destination: 'http://127.0.0.1:4020/api/:path*' }]
  },
}

export default nextConfig
`

/** Runs init in `root` with a terminal that types `keys` whenever a question is shown. */
async function initInTerminal(root: string, keys: readonly string[]): Promise<{ code: number; out: string }> {
  const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin })
  let out = ''
  let asked = 0
  const stdout = Object.assign(
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        out += chunk.toString()
        // A question ends with its prompt line; answer each once.
        const questions = out.split('?').length - 1
        if (questions > asked && asked < keys.length) {
          const key = keys[asked] ?? ''
          asked = questions
          setImmediate(() => stdin.write(key))
        }
        done()
      },
    }),
    { isTTY: true, columns: 120, rows: 40 },
  )
  const ctx = createContext({ cwd: root, stdin, stdout, stderr: stdout, env: { NO_COLOR: '1' } })
  const code = await runCli(['init'], ctx)
  return { code, out }
}

function nextProject(): string {
  return makeProject({
    'package.json': packageJsonFor('next'),
    'tsconfig.json': '{}\n',
    'next.config.mjs': NEXT_CONFIG,
    'app/page.tsx': 'export default function Home() { return null }\n',
  })
}

describe('init in a terminal, Next', () => {
  it('yes, yes: moves the rewrite and writes the route handler', async () => {
    const root = nextProject()
    const { code, out } = await initInTerminal(root, ['y', 'y'])
    expect(code).toBe(0)
    expect(out).toContain("Next's native rewrites would drop what these routes do:")
    expect(readFileSync(join(root, 'next.config.mjs'), 'utf8')).toContain("{ mode: 'route' }")
    expect(readFileSync(join(root, 'app/api/[...path]/route.ts'), 'utf8')).toContain('@sameorigin/next/route')
  })

  it('yes, no: moves the rewrite and keeps native rewrites', async () => {
    const root = nextProject()
    const { code } = await initInTerminal(root, ['y', 'n'])
    expect(code).toBe(0)
    expect(readFileSync(join(root, 'next.config.mjs'), 'utf8')).toContain('withSameOrigin(nextConfig)\n')
    expect(readFileSync(join(root, 'sameorigin.config.ts'), 'utf8')).toContain("'/api'")
  })
})
