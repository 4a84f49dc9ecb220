import { createError } from '@sameorigin/core'
import type { ResolvedConfig } from '@sameorigin/core'
import type { CommandContext } from '../context.ts'
import { EXIT } from '../exit-codes.ts'
import type { CommandDefinition } from '../internal/command.ts'
import { printFailure, printJson } from '../internal/output.ts'
import type { DetectedProject } from '../project/detect-project.ts'

/** cac gives a string, or an array when an option is repeated; the last one wins. */
function lastString(value: unknown): string | undefined {
  const last = Array.isArray(value) ? value.at(-1) : value
  return last === undefined || last === null || last === true ? undefined : String(last)
}

function strings(value: unknown): string[] {
  if (value === undefined || value === null) return []
  return (Array.isArray(value) ? value : [value]).map(String)
}

/**
 * The project's `sameorigin.config.*` as the dev server loads it, when there is one that loads: its
 * routes decide the fix (the dev server's report of a blocked call gives the same). A config that
 * does not load only costs that; the verdict stands.
 */
async function loadProjectConfig(root: string): Promise<ResolvedConfig | undefined> {
  const { findConfigFile, loadConfig } = await import('@sameorigin/core')
  if (findConfigFile(root) === undefined) return undefined
  return loadConfig({ root, command: 'serve' }).catch(() => undefined)
}

async function runDoctorCommand(
  args: readonly string[],
  options: Readonly<Record<string, unknown>>,
  ctx: CommandContext,
): Promise<number> {
  // Imported here so `sameorigin --help` does not load the checks and node:http.
  const [
    { runDoctor, toDoctorReport },
    { toRequestShape },
    { toFixes },
    { formatReport },
    { detectProject },
  ] = await Promise.all([
    import('@sameorigin/core/doctor'),
    import('../doctor/to-request-shape.ts'),
    import('../doctor/to-fixes.ts'),
    import('../doctor/format-report.ts'),
    import('../project/detect-project.ts'),
  ])
  const json = options.json === true
  try {
    const origin = lastString(options.origin)
    if (origin === undefined) {
      throw createError('ERR_CLI_ARGUMENT_INVALID', {
        message: 'doctor needs the origin of the page that makes the request (--origin).',
        hint: "Add the page's origin: sameorigin doctor http://127.0.0.1:8080/api/me --origin http://localhost:5173",
      })
    }
    const run = await runDoctor(
      toRequestShape({
        url: args[0] ?? '',
        origin,
        method: lastString(options.method) ?? 'GET',
        headers: strings(options.header),
        credentials: options.credentials === true,
      }),
      {
        signal: ctx.signal,
        ...(json
          ? {}
          : {
              onRequest: (event) =>
                void ctx.stderr.write(
                  ctx.colors.dim(
                    `→ ${event.method} ${event.url}${event.kind === 'preflight' ? ' (preflight)' : ''}\n`,
                  ),
                ),
            }),
      },
    )
    let project: DetectedProject
    try {
      project = detectProject(ctx.cwd, { env: ctx.env })
    } catch {
      // An unreadable package.json only costs the tool-specific fix; the verdict stands.
      project = {
        root: ctx.cwd,
        packageJsonFile: undefined,
        tool: undefined,
        configFile: undefined,
        storybookConfig: undefined,
        pluginPackage: undefined,
        packageManager: 'npm',
      }
    }
    const report = toDoctorReport(run, toFixes(run, project, await loadProjectConfig(ctx.cwd)))
    if (json) printJson(ctx, report)
    else ctx.stdout.write(formatReport(report, ctx.colors))
    return report.allowed ? EXIT.OK : EXIT.NEGATIVE
  } catch (error) {
    printFailure(ctx, error, json)
    return EXIT.FAILED
  }
}

/**
 * `sameorigin doctor <url> --origin <origin>`: asks the URL exactly as a browser on that origin would
 * (the CORS preflight when one is needed, then the request, following redirects), runs the Fetch
 * standard's CORS checks on the answers, and prints the verdict, each reason and the fixes.
 * Exit code 0: a browser would allow it; 1: it would block it; 2: no answer (or bad arguments).
 */
export const doctorCommand: CommandDefinition = {
  usage: 'doctor <url>',
  description: 'Explain what CORS would block: ask <url> as a browser at --origin would, and print the fixes',
  options: [
    {
      flags: '--origin <origin>',
      description: 'The origin of the page making the request (http://localhost:5173)',
    },
    { flags: '--method <method>', description: 'The request method', default: 'GET' },
    {
      flags: '--header <header>',
      description: 'A request header the page sets: a name alone or "Name: value" (repeatable)',
      repeatable: true,
    },
    { flags: '--credentials', description: "The page sends credentials: 'include' (cookies)" },
    {
      flags: '--json',
      description: 'Print the report as JSON: { allowed, preflight, request, reasons, fixes }',
    },
  ],
  examples: [
    'sameorigin doctor http://127.0.0.1:8080/api/me --origin http://localhost:5173',
    'sameorigin doctor https://staging.example.com/api/items --origin http://localhost:5173 --method PUT --header "Content-Type: application/json" --credentials',
  ],
  run: runDoctorCommand,
}
