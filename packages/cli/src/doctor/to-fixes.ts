import { basename } from 'node:path'
import type { DetectedProject, Tool } from '../project/detect-project.ts'
import { DEFAULT_SERVE_PORT, toServeAddress } from '../internal/serve-address.ts'
import { PLUGIN_PACKAGE } from '../project/detect-project.ts'
import { adviceFixes, headerFixes, originSentLast } from './to-server-fixes.ts'
import type { DoctorRun, Fix } from './types.ts'

/** How each tool mounts sameorigin: the config file to edit and the lines to add there. */
const TOOL_SETUP: Readonly<
  Record<Tool, { readonly file: string; readonly what: string; readonly lines: readonly string[] }>
> = {
  vite: {
    file: 'vite.config.ts',
    what: 'sameorigin()',
    lines: [
      "import sameorigin from '@sameorigin/vite'",
      'export default defineConfig({ plugins: [sameorigin()] })',
    ],
  },
  next: {
    file: 'next.config.ts',
    what: 'withSameOrigin()',
    lines: ["import { withSameOrigin } from '@sameorigin/next'", 'export default withSameOrigin(nextConfig)'],
  },
  rsbuild: {
    file: 'rsbuild.config.ts',
    what: 'pluginSameOrigin()',
    lines: [
      "import { pluginSameOrigin } from '@sameorigin/rsbuild'",
      'export default defineConfig({ plugins: [pluginSameOrigin()] })',
    ],
  },
  rspack: {
    file: 'rspack.config.mjs',
    what: 'new SameOriginPlugin()',
    lines: ["import { SameOriginPlugin } from '@sameorigin/webpack'", 'plugins: [new SameOriginPlugin()]'],
  },
  webpack: {
    file: 'webpack.config.js',
    what: 'new SameOriginPlugin()',
    lines: [
      "const { SameOriginPlugin } = require('@sameorigin/webpack')",
      'plugins: [new SameOriginPlugin()]',
    ],
  },
}

/** Findings no response header changes: the browser decides them before or without asking the server. */
const NOT_FIXED_BY_HEADERS = new Set([
  'forbidden-header',
  'forbidden-method',
  'local-network-insecure',
  'local-network-permission',
  'mixed-content',
])

/**
 * The route that makes the request same-origin: the URL's first path segment, forwarded to the URL's
 * origin, so the page calls the same path on its own origin. A URL at `/` gets `/api`, rewritten away.
 */
export function toRoute(url: string): {
  readonly key: string
  readonly value: string
  readonly pagePath: string
} {
  const target = new URL(url)
  const segment = target.pathname.split('/').find((part) => part !== '')
  if (segment === undefined) {
    return {
      key: '/api',
      value: `{ target: '${target.origin}', rewrite: '/:path*' }`,
      pagePath: `/api/${target.search}`,
    }
  }
  return { key: `/${segment}`, value: `'${target.origin}'`, pagePath: `${target.pathname}${target.search}` }
}

function routeFix(run: DoctorRun, project: DetectedProject): Fix {
  // After a cross-origin redirect the proxy must forward to where the answer comes from: a redirect
  // to another origin would leave the page's origin again, with Origin: null.
  const url = originSentLast(run) === 'null' ? run.request.finalUrl : run.request.url
  const route = toRoute(url)
  // defineConfig from the adapter the project installs (each re-exports the core's).
  const adapter = project.tool === undefined ? '@sameorigin/core' : PLUGIN_PACKAGE[project.tool]
  const config = [
    '// sameorigin.config.ts',
    `import { defineConfig } from '${adapter}'`,
    `export default defineConfig({ routes: { '${route.key}': ${route.value} } })`,
  ]
  const then = `Then call fetch('${route.pagePath}') from the page: same-origin, so no CORS at all.`
  if (project.tool === undefined) {
    const credentials = run.request.credentials === 'include' ? ' --credentials' : ''
    return {
      kind: 'serve',
      title:
        'No Vite, webpack, Rspack, Rsbuild or Next project in this folder: run the stand-alone proxy, ' +
        'which answers CORS for your page and forwards to the backend',
      lines: [
        `sameorigin serve --target ${new URL(url).origin} --allow-origin ${run.request.origin}${credentials}`,
        `Then call ${toServeAddress('127.0.0.1', DEFAULT_SERVE_PORT, [run.request.origin]).url}${new URL(url).pathname} from the page (the proxy's default address, on the page's own host so its cookies stick) instead of the backend.`,
      ],
    }
  }
  const setup = TOOL_SETUP[project.tool]
  const file = project.configFile === undefined ? setup.file : basename(project.configFile)
  return {
    kind: 'route',
    title: `Add ${setup.what} to ${file} and route '${route.key}' → ${new URL(url).origin}`,
    lines: [
      `// ${file}`,
      ...setup.lines,
      '',
      ...config,
      '',
      then,
      '(`sameorigin init` adds the plugin for you.)',
    ],
  }
}

/**
 * The fixes for a verdict, best first: the sameorigin route for the project's tool (same-origin, so
 * none of the CORS rules apply), or the stand-alone proxy when no tool is found; then the exact headers
 * the server would have to send; then advice for what headers cannot fix (redirects, Local Network
 * Access, headers a page cannot set). No fixes when nothing was found, or when no server change helps
 * (a forbidden method).
 */
export function toFixes(run: DoctorRun, project: DetectedProject): Fix[] {
  if (run.reasons.length === 0 || run.request.sameOrigin) return []
  if (run.reasons.some((reason) => reason.code === 'forbidden-method')) return []
  const codes = run.reasons.map((reason) => reason.code)
  const routable = codes.some((code) => code !== 'forbidden-header')
  const headersHelp = codes.some((code) => !NOT_FIXED_BY_HEADERS.has(code))
  const headers = headersHelp ? headerFixes(run) : []
  const advice = adviceFixes(run)
  // After a cross-origin redirect, headers only help by allowing Origin: null, a risk: calling the
  // final URL directly comes first.
  const tainted = originSentLast(run) === 'null'
  return [
    ...(routable ? [routeFix(run, project)] : []),
    ...(tainted ? [...advice, ...headers] : [...headers, ...advice]),
  ]
}
