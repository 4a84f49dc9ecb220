import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseModule } from 'magicast'
import { createError } from '@sameorigin/core'
import type { NodeOf, Statement } from './ast.ts'
import type { CodeStyle } from './code-style.ts'
import { endStatement, quoteString } from './code-style.ts'
import { parseConfigModule, printConfigModule } from './config-module.ts'
import type { RouteHandlerFile } from './plan-route-handler.ts'

/** What the file imports: the report of blocked calls, in `next dev` only. */
export const REPORT_CLIENT_MODULE = '@sameorigin/next/report-client'
/** The names Next runs `instrumentation-client` under, in the order a file is looked for. */
const EXTENSIONS = ['ts', 'js', 'tsx', 'jsx', 'mjs']
const COMMENT =
  '// sameorigin: in next dev, the terminal explains calls to other origins the browser blocked (nothing in a production build).'

/**
 * Next's `instrumentation-client` file with the report client imported: the app's own file (at the
 * root or in `src/`) with the import added once after its imports, or a new file beside the router
 * folder (in `src/` when the app's router is there). An AST edit: the rest of the file is kept as
 * written. `srcDir`: the router folder is under `src/`.
 * @throws ProxyError `ERR_CLI_CONFIG_EDIT_FAILED` when the existing file does not parse.
 */
export function planReportClient(root: string, srcDir: boolean, style: CodeStyle): RouteHandlerFile {
  const existing = [srcDir ? 'src' : '.', srcDir ? '.' : 'src']
    .flatMap((dir) => EXTENSIONS.map((ext) => join(root, dir, `instrumentation-client.${ext}`)))
    .find((file) => existsSync(file))
  if (existing === undefined) {
    const ext = existsSync(join(root, 'tsconfig.json')) ? 'ts' : 'js'
    const file = join(root, srcDir ? 'src' : '.', `instrumentation-client.${ext}`)
    return { file, before: undefined, after: `${COMMENT}\n${importLine(style)}\n` }
  }
  const before = readFileSync(existing, 'utf8')
  return { file: existing, before, after: addImport(existing, before) }
}

function importLine(style: CodeStyle): string {
  return `import ${quoteString(REPORT_CLIENT_MODULE, style)}${endStatement(style)}`
}

/** `code` with the import after its last import, or unchanged when it imports the module already. */
function addImport(file: string, code: string): string {
  let config
  try {
    config = parseConfigModule(file, code)
  } catch (error) {
    throw createError('ERR_CLI_CONFIG_EDIT_FAILED', {
      message: `${file} could not be parsed (${(error as Error).message}).`,
      hint: `Fix it, or add this line to it by hand: import '${REPORT_CLIENT_MODULE}'`,
    })
  }
  const body = config.program.body
  const imported = body.some(
    (statement) => statement.type === 'ImportDeclaration' && statement.source.value === REPORT_CLIENT_MODULE,
  )
  if (imported) return code
  const text = importLine(config.style)
  const last = body.findLastIndex((statement) => statement.type === 'ImportDeclaration')
  // As `ensureBinding` inserts: recast keeps the line breaks that follow the statement in its source.
  const parsed = parseModule(`${text}${last === -1 ? '\n\n' : '\n'}`).$ast as NodeOf<'Program'>
  body.splice(last + 1, 0, ...(parsed.body as Statement[]))
  config.inserted.push(text)
  return printConfigModule(config)
}
