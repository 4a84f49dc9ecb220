import { readFile } from 'node:fs/promises'
import { relative, resolve } from 'node:path'
import { findConfigFile, loadConfig, loadEnv } from '@sameorigin/core'
import type { ResolvedConfig } from '@sameorigin/core'
import type { CommandContext } from '../context.ts'
import { EXIT } from '../exit-codes.ts'
import { toLoadConfigOptions } from '../internal/config-options.ts'
import { printJson, printLine } from '../internal/output.ts'
import { formatPolicy } from './format-policy.ts'
import { inferCorsPolicy } from './infer-cors-policy.ts'
import { parseCorsPolicyFlags } from './parse-cors-policy-flags.ts'
import type { CorsPolicyFlags } from './parse-cors-policy-flags.ts'
import { readHar } from './read-har.ts'
import { readSources } from './read-sources.ts'
import { POLICY_RENDERERS } from './renderers.ts'
import { scanSource } from './scan-source.ts'
import type { OriginInput } from './to-allowed-origins.ts'
import { toObservedRequests } from './to-observed-requests.ts'
import type { ObservedRequests } from './to-observed-requests.ts'
import type { CorsPolicy } from './types.ts'
import { writeRenderedFiles } from './write-rendered-files.ts'

/** The env variable (`.env.[mode]` or the shell) listing a mode's exact origins, comma- or space-separated. */
export const ORIGINS_ENV = 'SAMEORIGIN_CORS_ORIGINS'

/** The project's routes, when it has a config (`--config`, or a `sameorigin.config.*` found). */
async function loadRoutes(
  ctx: CommandContext,
  options: Readonly<Record<string, unknown>>,
  mode: string,
): Promise<ResolvedConfig | undefined> {
  if (typeof options.config !== 'string' && findConfigFile(ctx.cwd) === undefined) return undefined
  return loadConfig(toLoadConfigOptions(ctx, { ...options, mode }))
}

/** The origins of `--origin`, then those of `SAMEORIGIN_CORS_ORIGINS` in the mode's env files. */
function toOriginInputs(ctx: CommandContext, flags: readonly string[], mode: string): OriginInput[] {
  const inputs = flags.map((origin) => ({ origin, from: '--origin' }))
  if (mode === 'local') return inputs
  const value = loadEnv(mode, ctx.cwd, ctx.env).env[ORIGINS_ENV] ?? ''
  for (const origin of value.split(/[\s,]+/).filter(Boolean))
    inputs.push({ origin, from: `${ORIGINS_ENV} (.env.${mode})` })
  return inputs
}

/** Reads the recordings, the routes, the env's origins and `--src`, and infers the policy. */
async function learnPolicy(
  flags: CorsPolicyFlags,
  options: Readonly<Record<string, unknown>>,
  ctx: CommandContext,
): Promise<{ learned: ObservedRequests; policy: CorsPolicy }> {
  const config = await loadRoutes(ctx, options, flags.mode)
  const recordings = await Promise.all(
    flags.har.map(async (file) => ({
      source: file,
      entries: readHar(await readFile(resolve(ctx.cwd, file), 'utf8'), file).log.entries,
    })),
  )
  const learned = toObservedRequests(recordings, config)
  const source = flags.src.length === 0 ? undefined : scanSource(await readSources(ctx.cwd, flags.src))
  const policy = inferCorsPolicy({
    mode: flags.mode,
    requests: learned.requests,
    origins: toOriginInputs(ctx, flags.origins, flags.mode),
    ...(source === undefined ? {} : { source }),
    headers: flags.headers,
    credentials: flags.credentials,
    ...(flags.maxAge === undefined ? {} : { maxAge: flags.maxAge }),
  })
  return { learned, policy }
}

/**
 * `sameorigin cors-policy`: reads the recordings (and the routes, the env's origins, `--src`),
 * infers the least-privilege policy, prints what it decided and why, and with `--for` renders it
 * (to `--out`, or to stdout with the explanation on stderr). `--json` prints one document.
 */
export async function runCorsPolicy(
  options: Readonly<Record<string, unknown>>,
  ctx: CommandContext,
): Promise<number> {
  const flags = parseCorsPolicyFlags(options)
  const { learned, policy } = await learnPolicy(flags, options, ctx)
  const render = flags.format === undefined ? undefined : POLICY_RENDERERS[flags.format]
  const rendered = render?.(policy, { command: flags.command })
  const out = flags.out === undefined ? undefined : resolve(ctx.cwd, flags.out)
  const written = await writeRenderedFiles(rendered ?? [], out)
  const output =
    rendered === undefined
      ? undefined
      : rendered.length === 1
        ? (rendered[0]?.content ?? '')
        : rendered.map((file) => `# ==> ${file.name} <==\n${file.content}`).join('\n')
  if (options.json === true) {
    const { reasons, ...rest } = policy
    printJson(ctx, {
      policy: rest,
      reasons,
      calls: learned.requests.length,
      skipped: learned.skipped,
      format: flags.format ?? null,
      files: (rendered ?? []).map((file, index) => {
        const path = written[index]
        return path === undefined ? file : { name: file.name, path: relative(ctx.cwd, path) }
      }),
    })
    return EXIT.OK
  }
  const explanation = formatPolicy(policy, learned, ctx.colors)
  if (output !== undefined && out === undefined) {
    ctx.stderr.write(explanation)
    ctx.stdout.write(output)
    return EXIT.OK
  }
  ctx.stdout.write(explanation)
  const paths = written.filter((path) => path !== undefined)
  if (paths.length > 0)
    printLine(
      ctx,
      `\n${paths.map((path) => ctx.colors.green(`✓ wrote ${relative(ctx.cwd, path)}`)).join('\n')}`,
    )
  else
    printLine(
      ctx,
      `\nrun with --for ${Object.keys(POLICY_RENDERERS).join('|')} to write it as code or config`,
    )
  return EXIT.OK
}
