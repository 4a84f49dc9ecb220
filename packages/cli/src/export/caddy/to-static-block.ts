import { caddyToken } from './caddy-token.ts'
import { indent } from './indent.ts'

/**
 * The last `handle`, for what no route took: with `--static`, the app's built files, any other path
 * answered with `index.html` (the single-page app's own router decides); without, a plain 404.
 */
export function toStaticBlock(staticDir: string | undefined): string[] {
  if (staticDir === undefined)
    return [
      '# No route matched (no --static: the app is served elsewhere).',
      'handle {',
      '\trespond 404',
      '}',
    ]
  return [
    `# The app's built files (${staticDir}, relative to the folder Caddy runs in); unknown paths get index.html.`,
    'handle {',
    ...indent([`root * ${caddyToken(staticDir)}`, 'try_files {path} /index.html', 'file_server']),
    '}',
  ]
}
