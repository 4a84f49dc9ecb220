import { basename } from 'node:path'
import type { DetectedProject, Tool } from '../project/detect-project.ts'
import { CHROMIUM_MAX_AGE_CAP } from './check-preflight.ts'
import { isCorsSafelistedMethod } from './needs-preflight.ts'
import { DEFAULT_SERVE_PORT, toServeAddress } from '../internal/serve-address.ts'
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
  const route = toRoute(run.request.url)
  const config = [
    '// sameorigin.config.ts',
    "import { defineConfig } from '@sameorigin/core'",
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
        `sameorigin serve --target ${new URL(run.request.url).origin} --allow-origin ${run.request.origin}${credentials}`,
        `Then call ${toServeAddress('127.0.0.1', DEFAULT_SERVE_PORT, [run.request.origin]).url}${new URL(run.request.url).pathname} from the page (the proxy's default address, on the page's own host so its cookies stick) instead of the backend.`,
      ],
    }
  }
  const setup = TOOL_SETUP[project.tool]
  const file = project.configFile === undefined ? setup.file : basename(project.configFile)
  return {
    kind: 'route',
    title: `Add ${setup.what} to ${file} and route '${route.key}' → ${new URL(run.request.url).origin}`,
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

function headerFixes(run: DoctorRun): Fix[] {
  const { request, facts } = run
  const url = facts.redirects.length > 0 ? request.finalUrl : request.url
  const origin = [`Access-Control-Allow-Origin: ${request.origin}`]
  if (request.credentials === 'include') origin.push('Access-Control-Allow-Credentials: true')
  const fixes: Fix[] = []
  if (facts.preflightNeeded) {
    const lines = [...origin]
    if (!isCorsSafelistedMethod(request.method)) lines.push(`Access-Control-Allow-Methods: ${request.method}`)
    // Names, never `*`: `*` does not cover Authorization in the standard, nor anything with credentials.
    if (facts.unsafeHeaderNames.length > 0) {
      lines.push(`Access-Control-Allow-Headers: ${facts.unsafeHeaderNames.join(', ')}`)
    }
    lines.push(`Access-Control-Max-Age: ${CHROMIUM_MAX_AGE_CAP}`, 'Vary: Origin')
    fixes.push({
      kind: 'headers',
      title: `Or fix the server: answer the preflight (OPTIONS ${url}) with 204 and these headers, before any authentication`,
      lines,
    })
  }
  const response = [...origin]
  if (facts.hiddenHeaders.length > 0)
    response.push(`Access-Control-Expose-Headers: ${facts.hiddenHeaders.join(', ')}`)
  response.push('Vary: Origin')
  fixes.push({
    kind: 'headers',
    title: `${facts.preflightNeeded ? 'And' : 'Or fix the server:'} send these headers on the response to ${request.method} ${url}`,
    lines: response,
  })
  return fixes
}

function adviceFixes(run: DoctorRun): Fix[] {
  const codes = new Set(run.reasons.map((reason) => reason.code))
  const fixes: Fix[] = []
  if (run.facts.redirects.length > 0) {
    fixes.push({
      kind: 'advice',
      title: `Call the final URL directly instead of following ${run.facts.redirects.length === 1 ? 'a redirect' : 'redirects'}`,
      lines: [
        ...run.facts.redirects.map((hop) => `${hop.status}: ${hop.from} → ${hop.to}`),
        'Every hop of a CORS request needs CORS headers, a cross-origin hop turns Origin into null, and',
        'Authorization is dropped: the portable fix is no redirect at all.',
      ],
    })
  }
  if (codes.has('local-network-insecure') || codes.has('local-network-permission')) {
    fixes.push({
      kind: 'advice',
      title: 'Serve the page from localhost during development',
      lines: [
        'A page on http://localhost (or 127.0.0.1) is never gated by Local Network Access; a page on a public',
        "origin needs https and the user's permission for every local or loopback backend.",
      ],
    })
  }
  if (codes.has('forbidden-header')) {
    fixes.push({
      kind: 'advice',
      title: 'Remove the headers a page cannot set from the request',
      lines: [
        "The browser drops them; cookies go with credentials: 'include' and Set-Cookie from the server.",
      ],
    })
  }
  return fixes
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
  return [
    ...(routable ? [routeFix(run, project)] : []),
    ...(headersHelp ? headerFixes(run) : []),
    ...adviceFixes(run),
  ]
}
