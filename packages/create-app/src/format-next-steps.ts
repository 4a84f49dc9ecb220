import { packageManagerCommands } from './detect-package-manager.ts'
import type { PackageManager } from './detect-package-manager.ts'
import type { Template } from './templates.ts'

/** What {@link formatNextSteps} needs to know. */
export interface NextStepsInput {
  /** The app's folder as the user should `cd` into it; `''` when it is the current folder. */
  readonly cdPath: string
  readonly packageManager: PackageManager
  readonly template: Template
  /** The Node version running (`process.versions.node`): an older one than the template's gets a warning. */
  readonly nodeVersion: string
}

/**
 * The commands to run after scaffolding, one per line, then what `dev` starts. A folder with a
 * space or a shell character is quoted so the line can be pasted.
 */
export function formatNextSteps({ cdPath, packageManager, template, nodeVersion }: NextStepsInput): string {
  const commands = packageManagerCommands(packageManager)
  const dev = commands.run('dev')
  const lines = [
    ...(cdPath ? [`cd ${quoteForShell(cdPath)}`] : []),
    commands.install,
    dev,
    '',
    `\`${dev}\` starts the demo backend (backend.mjs) and the dev server.`,
    `Open ${template.devUrl}: the page calls /api/health on its own`,
    'origin, and the dev server forwards it to the backend at API_TARGET',
    '(.env). For your real backend, set API_TARGET in .env.local.',
  ]
  if (template.ssrPage !== undefined) {
    lines.push(
      `Log in on the page, then open ${template.devUrl}${template.ssrPage}: the server renders`,
      'your name, fetched through the same route with your cookie.',
    )
  }
  if (template.node !== undefined && isOlder(nodeVersion, template.node)) {
    lines.push(
      '',
      `${template.label} needs Node ${template.node} or newer; this is Node ${nodeVersion}.`,
      'Install a newer Node (22 or 24) before `install` and `dev`.',
    )
  }
  return lines.join('\n')
}

/** True when version `a` (`22.3.0`) comes before `b`. */
export function isOlder(a: string, b: string): boolean {
  const [x, y] = [a, b].map((version) => version.split('.').map((part) => Number.parseInt(part, 10) || 0))
  for (let index = 0; index < 3; index++) {
    const difference = (x?.[index] ?? 0) - (y?.[index] ?? 0)
    if (difference !== 0) return difference < 0
  }
  return false
}

function quoteForShell(path: string): string {
  return /^[\w./@+-]+$/.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`
}
