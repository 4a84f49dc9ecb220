import { existsSync, readFileSync, statSync } from 'node:fs'
import { basename, relative, resolve } from 'node:path'
import process from 'node:process'
import { styleText } from 'node:util'
import { cancel, intro, log, note, outro } from '@clack/prompts'
import { CliError } from './cli-error.ts'
import { copyTemplate } from './copy-template.ts'
import { detectPackageManager } from './detect-package-manager.ts'
import { emptyDir, isEmptyDir } from './empty-dir.ts'
import { formatNextSteps } from './format-next-steps.ts'
import { parseCliArgs } from './parse-cli-args.ts'
import { askOverwrite, askProjectDir, askTemplate, DEFAULT_DIR } from './prompts.ts'
import { findTemplate, TEMPLATES, templateDir } from './templates.ts'
import { toPackageName } from './to-package-name.ts'
import { formatUsage } from './usage.ts'

/**
 * The whole command: reads the arguments, asks what is missing (in a terminal), copies the template
 * and prints the next steps. Returns the exit code: 0 when the app was created (or for `--help`), 1
 * when nothing was written, with the reason and the fix on stderr.
 * @param argv the arguments after the command name, e.g. `['my-app', '--template', 'vite-react']`
 */
export async function run(argv: readonly string[]): Promise<number> {
  // Prompts need a terminal both ways: keys in, redrawn lines out.
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY)
  try {
    const args = parseCliArgs(argv)
    if (args.help) {
      process.stdout.write(formatUsage())
      return 0
    }
    const given = args.template === undefined ? undefined : findTemplate(args.template)
    if (!given && !interactive) {
      const names = TEMPLATES.map((template) => template.name).join(', ')
      throw new CliError(
        `No template was given, and there is no terminal to ask in. Pass one with --template <name> (${names}), e.g.\n` +
          '  npm create sameorigin@latest my-app -- --template vite-react',
      )
    }

    if (interactive) intro(styleText('inverse', ' create-sameorigin '))
    const dir = args.dir ?? (interactive ? await askProjectDir() : DEFAULT_DIR)
    const targetDir = resolve(dir)
    if (existsSync(targetDir) && !statSync(targetDir).isDirectory()) {
      throw new CliError(`${dir} exists and is not a folder. Choose another name for the app.`)
    }
    if (!isEmptyDir(targetDir)) {
      if (!args.force) {
        if (!interactive) {
          throw new CliError(
            `The folder ${dir} is not empty. Choose another folder, or pass --force to remove its files first (a .git folder is kept).`,
          )
        }
        if (!(await askOverwrite(dir))) throw new CliError('Cancelled: nothing was written.')
      }
      emptyDir(targetDir)
    }
    const template = given ?? (await askTemplate())

    copyTemplate(templateDir(template), targetDir, {
      packageName: toPackageName(basename(targetDir)),
      version: ownVersion(),
    })
    const nextSteps = formatNextSteps({
      cdPath: relative(process.cwd(), targetDir),
      packageManager: detectPackageManager(process.env.npm_config_user_agent),
      template,
      nodeVersion: process.versions.node,
    })
    if (interactive) {
      log.success(`Created a ${template.label} app in ${targetDir}`)
      note(nextSteps, 'Next steps')
      outro('Happy same-origin hacking.')
    } else {
      process.stdout.write(
        `Created a ${template.label} app in ${targetDir}\n\nNext steps:\n\n${indent(nextSteps)}\n`,
      )
    }
    return 0
  } catch (error) {
    if (!(error instanceof CliError)) throw error
    if (interactive) cancel(error.message)
    else
      process.stderr.write(
        `${styleText('red', 'create-sameorigin:', { stream: process.stderr })} ${error.message}\n`,
      )
    return error.exitCode
  }
}

/** This package's version, which the sameorigin packages share (they are released together). */
function ownVersion(): string {
  // package.json sits next to both src/ and dist/.
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string
  }
  return manifest.version
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? `  ${line}` : line))
    .join('\n')
}
