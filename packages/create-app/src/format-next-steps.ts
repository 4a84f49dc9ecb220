import { packageManagerCommands } from './detect-package-manager.ts'
import type { PackageManager } from './detect-package-manager.ts'
import type { Template } from './templates.ts'

/** What {@link formatNextSteps} needs to know. */
export interface NextStepsInput {
  /** The app's folder as the user should `cd` into it; `''` when it is the current folder. */
  readonly cdPath: string
  readonly packageManager: PackageManager
  readonly template: Template
}

/**
 * The commands to run after scaffolding, one per line, then what `dev` starts. A folder with a
 * space or a shell character is quoted so the line can be pasted.
 */
export function formatNextSteps({ cdPath, packageManager, template }: NextStepsInput): string {
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
  return lines.join('\n')
}

function quoteForShell(path: string): string {
  return /^[\w./@+-]+$/.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`
}
