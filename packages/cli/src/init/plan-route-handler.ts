import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ResolvedConfig } from '@sameorigin/core'
import { toNextRewrites } from '@sameorigin/next'
import type { CodeStyle } from './code-style.ts'
import { endStatement, quoteString } from './code-style.ts'
import { planReportClient } from './plan-report-client.ts'
import type { RouteDraft } from './route-draft.ts'
import { isLiteralPath, toPrefix } from './route-draft.ts'

/** One route handler file init writes for route mode. */
export interface RouteHandlerFile {
  readonly file: string
  /** The text as the file is now; `undefined` when it does not exist. */
  readonly before: string | undefined
  readonly after: string
}

/** Whether moved Next routes need `withSameOrigin(..., { mode: 'route' })`, and what it takes. */
export interface RouteHandlerPlan {
  /** What native rewrites would lose, per route: `'/api': Set-Cookie rewriting (cookies)`. */
  readonly needed: readonly string[]
  /** Route mode is used: the Next config wrapped with `{ mode: 'route' }` and `files` written. */
  readonly chosen: boolean
  readonly files: readonly RouteHandlerFile[]
  /** Why route mode cannot be used as init would write it (then `chosen` is false). */
  readonly unusable?: string
}

/** Next's rewrites match /API like /api: true of every route, and no reason to change mode. */
const ALWAYS_LOST = /^exact-case matching/

/**
 * The behaviours of `drafts` that Next's native rewrites drop (the translation `withSameOrigin`
 * prints at startup), and, when there are some, the route handler files that keep them: the file
 * `@sameorigin/next`'s README gives, one per first path segment (`/api` → `app/api/[...path]/route.ts`,
 * or `pages/api/[...path].ts` in a Pages Router app), and `instrumentation-client.ts` with the report
 * of blocked calls imported (created, or the import added to the app's own). `undefined` when
 * rewrites lose nothing.
 */
export function planRouteHandler(
  root: string,
  drafts: readonly RouteDraft[],
  style: CodeStyle,
  choose: boolean,
): RouteHandlerPlan | undefined {
  const routes = drafts.map((draft) => draft.resolved)
  const { lost } = toNextRewrites({ routes } as unknown as ResolvedConfig, 'rewrites')
  const needed = lost
    .filter((item) => !ALWAYS_LOST.test(item.behaviour))
    .map((item) => `'${item.route}': ${item.behaviour}`)
  if (needed.length === 0) return undefined
  const pages = usesPagesRouter(root)
  const segments = new Set<string>()
  for (const draft of drafts) {
    const segment = toPrefix(draft.path).split('/')[1]
    const unusable =
      !isLiteralPath(draft.path) || segment === undefined || segment === ''
        ? `the route '${draft.path}' is not a plain path prefix`
        : pages !== undefined && segment !== 'api'
          ? `the route '${draft.path}' is outside /api, where the Pages Router has API routes`
          : undefined
    if (unusable !== undefined) return { needed, chosen: false, files: [], unusable }
    segments.add(segment ?? '')
  }
  const files = [...segments].map((segment) => handlerFile(root, segment, style, pages))
  const taken = files.find((file) => file.before !== undefined && file.before !== file.after)
  if (taken !== undefined)
    return { needed, chosen: false, files: [], unusable: `${taken.file} already exists` }
  if (!choose) return { needed, chosen: false, files: [] }
  // In next dev the handler's engine takes the page's reports of blocked calls: the page needs the client.
  const router = findRouterDir(root, pages === undefined ? 'app' : 'pages') ?? ''
  return { needed, chosen: true, files: [...files, planReportClient(root, router.startsWith('src/'), style)] }
}

/** The route handler file for `/<segment>/*`, in the router the app uses. */
function handlerFile(
  root: string,
  segment: string,
  style: CodeStyle,
  pages: string | undefined,
): RouteHandlerFile {
  const ext = existsSync(join(root, 'tsconfig.json')) ? 'ts' : 'js'
  const from = quoteString('@sameorigin/next/route', style)
  const app = findRouterDir(root, 'app') ?? (existsSync(join(root, 'src')) ? 'src/app' : 'app')
  const file =
    pages === undefined
      ? join(root, app, segment, '[...path]', `route.${ext}`)
      : join(root, pages, segment, `[...path].${ext}`)
  const after =
    pages !== undefined
      ? `export { pagesHandler as default, pagesConfig as config } from ${from}${endStatement(style)}\n`
      : `export { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } from ${from}${endStatement(style)}\n`
  return { file, before: existsSync(file) ? readFileSync(file, 'utf8') : undefined, after }
}

/** The `pages` folder of an app that has no `app` folder (Pages Router only), or `undefined`. */
function usesPagesRouter(root: string): string | undefined {
  return findRouterDir(root, 'app') === undefined ? findRouterDir(root, 'pages') : undefined
}

/** `app` or `pages` at the root or under `src/`, as Next looks for them. */
function findRouterDir(root: string, name: 'app' | 'pages'): string | undefined {
  return [name, `src/${name}`].find((dir) => existsSync(join(root, dir)))
}
