// `sameorigin init` in Next apps whose moved rewrites need what only the route handler does (cookie
// and redirect rewriting, which every sameorigin route does by default and Next's rewrites drop):
// with --yes it chooses route mode and writes the route handler file @sameorigin/next's README gives,
// in the router the app uses.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runBin } from '../_bin.ts'
import { makeProject, packageJsonFor } from './_project.ts'

const README = readFileSync(new URL('../../../next/README.md', import.meta.url), 'utf8')

/** The line @sameorigin/next's README tells users to write in `file` (the line after its comment). */
function readmeLine(file: string): string {
  const lines = README.split('\n')
  const at = lines.findIndex((line) => line.startsWith(`// ${file}`))
  return `${lines[at + 1] ?? ''}\n`
}

const REWRITES = (
  destination: string,
  source = '/api/:path*',
): string => `import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  reactStrictMode: true,
  async rewrites() {
    return [{ source: '${source}', destination: '${destination}' }]
  },
}

export default nextConfig
`

/** A create-next-app project (TypeScript, App Router). */
function appRouterProject(): string {
  return makeProject({
    'package.json': packageJsonFor('next', { scripts: { dev: 'next dev' } }),
    'tsconfig.json': '{ "compilerOptions": { "strict": true } }\n',
    'next.config.ts': REWRITES('http://127.0.0.1:4020/api/:path*'),
    'app/layout.tsx': 'export default function RootLayout({ children }) { return children }\n',
    'app/page.tsx': 'export default function Home() { return <main>home</main> }\n',
  })
}

const read = (root: string, path: string): string => readFileSync(join(root, path), 'utf8')

describe('init for Next: route mode when the moved routes need it', () => {
  it('App Router, --yes: withSameOrigin(..., { mode: "route" }) and app/api/[...path]/route.ts', async () => {
    const root = appRouterProject()
    const result = await runBin(['init', '--yes'], { cwd: root })
    expect(result.code).toBe(0)
    expect(read(root, 'next.config.ts')).toContain(
      "export default withSameOrigin(nextConfig, { mode: 'route' })",
    )
    expect(read(root, 'app/api/[...path]/route.ts')).toBe(readmeLine('app/api/[...path]/route.ts'))
    // The report of blocked calls, loaded by Next in the page (next dev only).
    expect(read(root, 'instrumentation-client.ts')).toMatch(/^\/\/ sameorigin: .*\n/)
    expect(read(root, 'instrumentation-client.ts').split('\n').slice(1).join('\n')).toBe(
      readmeLine('instrumentation-client.ts'),
    )
    expect(read(root, 'sameorigin.config.ts')).toContain("'/api': 'http://127.0.0.1:4020'")
    expect(result.stdout).toContain('Route handler mode')
    expect(result.stdout).toContain("'/api': Set-Cookie rewriting (cookies)")
    expect(result.stdout).toContain("'/api': Location / Refresh rewriting (redirects)")
    // Idempotent: a second run changes nothing, the route file included.
    const again = await runBin(['init', '--yes'], { cwd: root })
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('Already set up: nothing to change.')
  })

  it('Pages Router (JavaScript): pages/api/[...path].js', async () => {
    const root = makeProject({
      'package.json': packageJsonFor('next'),
      'next.config.mjs': REWRITES('https://staging.example.com/api/:path*').replace(
        /^import type .*\n\n|: NextConfig/gm,
        '',
      ),
      'pages/index.js': 'export default function Home() { return null }\n',
    })
    const result = await runBin(['init', '--yes', '--json'], { cwd: root })
    expect(result.code).toBe(0)
    const json = JSON.parse(result.stdout) as { nextMode: string; routeHandlerNeeded: string[] }
    expect(json.nextMode).toBe('route')
    expect(json.routeHandlerNeeded).toContain("'/api': Set-Cookie rewriting (cookies)")
    expect(read(root, 'pages/api/[...path].js')).toBe(readmeLine('pages/api/[...path].ts (Pages Router)'))
    expect(existsSync(join(root, 'app'))).toBe(false)
    expect(read(root, 'instrumentation-client.js')).toContain("import '@sameorigin/next/report-client'\n")
  })

  it("adds the report client to the app's own instrumentation-client once, beside src/app", async () => {
    const own = [
      "import * as Sentry from '@sentry/nextjs';",
      '',
      "Sentry.init({ dsn: 'https://key@example.ingest.sentry.io/1' });",
      '',
    ].join('\n')
    const root = makeProject({
      'package.json': packageJsonFor('next'),
      'tsconfig.json': '{}\n',
      'next.config.ts': REWRITES('http://127.0.0.1:4020/api/:path*'),
      'src/app/page.tsx': 'export default function Home() { return null }\n',
      'src/instrumentation-client.ts': own,
    })
    const result = await runBin(['init', '--yes'], { cwd: root })
    expect(result.code).toBe(0)
    expect(existsSync(join(root, 'src/app/api/[...path]/route.ts'))).toBe(true)
    // Its style (semicolons), after its imports; the rest as written.
    expect(read(root, 'src/instrumentation-client.ts')).toBe(
      own.replace("'@sentry/nextjs';\n", "'@sentry/nextjs';\nimport '@sameorigin/next/report-client';\n"),
    )
    expect(existsSync(join(root, 'instrumentation-client.ts'))).toBe(false)
  })

  it('leaves an instrumentation-client that imports the report client already as it is', async () => {
    const own = "import '@sameorigin/next/report-client'\nconsole.log('client')\n"
    const root = makeProject({
      'package.json': packageJsonFor('next'),
      'next.config.ts': REWRITES('http://127.0.0.1:4020/api/:path*'),
      'app/page.tsx': 'export default function Home() { return null }\n',
      'instrumentation-client.js': own,
    })
    const result = await runBin(['init', '--yes', '--json'], { cwd: root })
    expect(result.code).toBe(0)
    expect(read(root, 'instrumentation-client.js')).toBe(own)
    const json = JSON.parse(result.stdout) as { files: { path: string; action: string }[] }
    expect(json.files.find((file) => file.path === 'instrumentation-client.js')?.action).toBe('unchanged')
  })

  it('Pages Router with a route outside /api: rewrites kept, and it says why', async () => {
    const root = makeProject({
      'package.json': packageJsonFor('next'),
      'next.config.ts': REWRITES('http://127.0.0.1:4020/:path*', '/backend/:path*'),
      'pages/index.tsx': 'export default function Home() { return null }\n',
    })
    const result = await runBin(['init', '--yes'], { cwd: root })
    expect(result.code).toBe(0)
    expect(read(root, 'next.config.ts')).toContain('export default withSameOrigin(nextConfig)\n')
    expect(existsSync(join(root, 'pages/backend'))).toBe(false)
    expect(result.stdout).toContain("Route handler not written: the route '/backend' is outside /api")
  })

  it('a fresh app with no rewrites stays on rewrites, and the next steps say how to get the inspector', async () => {
    const root = makeProject({
      'package.json': packageJsonFor('next', { scripts: { dev: 'next dev' } }),
      'next.config.ts':
        "import type { NextConfig } from 'next'\n\nconst nextConfig: NextConfig = {}\n\nexport default nextConfig\n",
      'app/page.tsx': 'export default function Home() { return <main>home</main> }\n',
    })
    const result = await runBin(['init', '--yes'], { cwd: root })
    expect(result.code).toBe(0)
    expect(read(root, 'next.config.ts')).toContain('export default withSameOrigin(nextConfig)\n')
    expect(result.stdout).toContain(
      "For the inspector (/__sameorigin/) and the report of blocked calls, use route mode: withSameOrigin(nextConfig, { mode: 'route' })",
    )
  })

  it('a route file of the app already there is never overwritten', async () => {
    const root = appRouterProject()
    const mine = 'export async function GET() { return Response.json({ mine: true }) }\n'
    mkdirSync(join(root, 'app/api/[...path]'), { recursive: true })
    writeFileSync(join(root, 'app/api/[...path]/route.ts'), mine)
    const result = await runBin(['init', '--yes'], { cwd: root })
    expect(result.code).toBe(0)
    expect(read(root, 'app/api/[...path]/route.ts')).toBe(mine)
    expect(read(root, 'next.config.ts')).toContain('export default withSameOrigin(nextConfig)\n')
    // The app's own route answers /api/*: the rewrite stays where it is.
    expect(result.stdout).toContain('Kept in next.config.ts:')
  })
})
