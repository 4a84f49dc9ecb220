// The policies the server tests configure, inferred from one real recording of the app: the
// production one (two exact origins, the headers the code reads) and the development one (any
// loopback port). Each is rendered by the command's renderers and imported as the user's file would be.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { loadConfig } from '@sameorigin/core'
import { inferCorsPolicy } from '../../src/cors-policy/infer-cors-policy.ts'
import { POLICY_RENDERERS } from '../../src/cors-policy/renderers.ts'
import { scanSource } from '../../src/cors-policy/scan-source.ts'
import { toObservedRequests } from '../../src/cors-policy/to-observed-requests.ts'
import type { CorsPolicy, ObservedRequest, PolicyFormat } from '../../src/cors-policy/types.ts'
import { APP_SOURCE } from './_app.ts'
import type { Recorded } from './_record.ts'

/** The origins each mode's policy must allow, and one it must refuse. */
export const ORIGINS = {
  production: {
    allowed: ['http://app.localhost:5173', 'http://admin.localhost:4173'],
    foreign: 'http://evil.localhost:5173',
  },
  development: {
    allowed: ['http://localhost:5173', 'http://127.0.0.1:4173', 'http://[::1]:3000'],
    foreign: 'http://evil.localhost:5173',
  },
} as const

/** A mode the tests run. */
export type TestMode = keyof typeof ORIGINS

/** The app's calls from the recording and the policy of each mode. */
export interface Policies {
  readonly requests: readonly ObservedRequest[]
  readonly policies: Readonly<Record<TestMode, CorsPolicy>>
}

/** Infers both policies from the recording, as `sameorigin cors-policy --src` would. */
export async function toPolicies(recorded: Recorded): Promise<Policies> {
  const config = await loadConfig({ root: recorded.dir, mode: 'development', command: 'serve' })
  const { requests } = toObservedRequests([{ source: 'app.har', entries: recorded.har.log.entries }], config)
  const source = scanSource([{ file: 'src/api.js', text: APP_SOURCE }])
  const policy = (mode: TestMode): CorsPolicy =>
    inferCorsPolicy({
      mode,
      requests,
      source,
      origins:
        mode === 'production'
          ? ORIGINS.production.allowed.map((origin) => ({ origin, from: '--origin' }))
          : [],
    })
  return { requests, policies: { production: policy('production'), development: policy('development') } }
}

/**
 * Writes the policy as `format` into `dir` and imports it, as the user's backend imports the file:
 * its exports (`corsOptions`, and `isAllowedOrigin` where the module has one).
 */
export async function importPolicy(
  dir: string,
  format: PolicyFormat,
  policy: CorsPolicy,
): Promise<{ corsOptions: Record<string, unknown>; source: string }> {
  const render = POLICY_RENDERERS[format]
  if (render === undefined) throw new Error(`no renderer for ${format}`)
  const source = render(policy, { command: `sameorigin cors-policy --for ${format}` })[0]?.content ?? ''
  const file = join(dir, `cors-policy.${format}.${policy.mode}.mjs`)
  writeFileSync(file, source)
  const module = (await import(pathToFileURL(file).href)) as { corsOptions: Record<string, unknown> }
  return { corsOptions: module.corsOptions, source }
}
