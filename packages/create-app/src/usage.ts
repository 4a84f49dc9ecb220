import { TEMPLATES } from './templates.ts'

/** The `--help` text. */
export function formatUsage(): string {
  const templates = TEMPLATES.map(
    (template) => `                           ${template.name.padEnd(15)}${template.label}`,
  )
  return [
    'Usage: npm create sameorigin@latest [folder] -- [--template <name>] [--force]',
    '       pnpm create sameorigin [folder] [--template <name>] [--force]',
    '',
    'Creates an app whose dev server forwards /api to your backend, so the page stays on one origin',
    'and never needs CORS: the sameorigin plugin wired in, sameorigin.config.ts, a .env with',
    'API_TARGET, a demo backend (backend.mjs), and `dev` to start both.',
    '',
    'Arguments:',
    '  folder                 where to create the app (asked for, else sameorigin-app)',
    '',
    'Options:',
    '  -t, --template <name>  the template; asked for when left out (that needs a terminal):',
    ...templates,
    '  -f, --force            empty a non-empty folder first (a .git folder is kept)',
    '  -h, --help             show this help',
    '',
  ].join('\n')
}
