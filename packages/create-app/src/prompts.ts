import { isCancel, select, text } from '@clack/prompts'
import { CliError } from './cli-error.ts'
import { TEMPLATES } from './templates.ts'
import type { Template } from './templates.ts'

/** The folder the prompt offers, and the one used without a prompt. */
export const DEFAULT_DIR = 'sameorigin-app'

/** The answer to every question when the user presses Ctrl-C or Escape: stop, having written nothing. */
function cancelled(): CliError {
  return new CliError('Cancelled: nothing was written.')
}

/** Asks where to create the app; an empty answer takes {@link DEFAULT_DIR}. */
export async function askProjectDir(): Promise<string> {
  const answer = await text({
    message: 'Project folder:',
    placeholder: DEFAULT_DIR,
    defaultValue: DEFAULT_DIR,
  })
  if (isCancel(answer)) throw cancelled()
  return answer.trim() || DEFAULT_DIR
}

/** Asks what to do with a folder that already has files; `true` means empty it and continue. */
export async function askOverwrite(dir: string): Promise<boolean> {
  const answer = await select({
    message: `${dir === '.' ? 'The current folder' : `The folder ${dir}`} is not empty. What now?`,
    options: [
      { value: 'cancel', label: 'Cancel', hint: 'nothing is written' },
      { value: 'overwrite', label: 'Remove its files and continue', hint: 'a .git folder is kept' },
    ],
  })
  if (isCancel(answer)) throw cancelled()
  return answer === 'overwrite'
}

/** Asks for a template, offering them in {@link TEMPLATES} order. */
export async function askTemplate(): Promise<Template> {
  const answer = await select({
    message: 'Template:',
    options: TEMPLATES.map((template) => ({
      value: template,
      label: template.label,
      hint: template.adapter,
    })),
  })
  if (isCancel(answer)) throw cancelled()
  return answer
}
