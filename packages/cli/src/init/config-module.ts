import { extname } from 'node:path'
import type { ProxifiedModule } from 'magicast'
import { generateCode, parseModule } from 'magicast'
import type { Node, NodeOf, Statement } from './ast.ts'
import { walk } from './ast.ts'
import type { CodeStyle } from './code-style.ts'
import { detectCodeStyle } from './code-style.ts'
import { restoreSourcePositions } from './source-positions.ts'

/** A JavaScript or TypeScript config file, parsed for editing. */
export interface ConfigModule {
  readonly file: string
  /** The text as read. */
  readonly code: string
  readonly program: NodeOf<'Program'>
  readonly style: CodeStyle
  /** ES modules (`import` / `export default`) or CommonJS (`require` / `module.exports`). */
  readonly format: 'esm' | 'cjs'
  readonly module: ProxifiedModule
  /** The first line of each statement init inserted, for the spacing fix in {@link printConfigModule}. */
  readonly inserted: string[]
}

/** Parses `code` (the contents of `file`); throws magicast's syntax error when it does not parse. */
export function parseConfigModule(file: string, code: string): ConfigModule {
  const module = parseModule(code, { sourceFileName: file })
  const program = module.$ast as NodeOf<'Program'>
  restoreSourcePositions(program, code)
  const style = { ...detectCodeStyle(code), ...detectSemicolons(program, code) }
  return { file, code, program, style, format: detectFormat(file, program), module, inserted: [] }
}

/**
 * Semicolons by the file's own statements: line-based counting is swayed by the many lines of a
 * config object that end in `{` or `,`. Declarations that never take one are not counted.
 */
function detectSemicolons(program: NodeOf<'Program'>, code: string): { semi?: boolean } {
  let withSemi = 0
  let without = 0
  for (const statement of program.body) {
    const node =
      statement.type === 'ExportDefaultDeclaration' || statement.type === 'ExportNamedDeclaration'
        ? statement.declaration
        : statement
    if (
      node == null ||
      node.type === 'FunctionDeclaration' ||
      node.type === 'ClassDeclaration' ||
      statement.end == null
    )
      continue
    if (code[statement.end - 1] === ';') withSemi += 1
    else without += 1
  }
  return withSemi + without === 0 ? {} : { semi: withSemi > without }
}

function detectFormat(file: string, program: NodeOf<'Program'>): 'esm' | 'cjs' {
  const ext = extname(file)
  if (ext === '.cjs' || ext === '.cts') return 'cjs'
  const esm = program.body.some(
    (statement) =>
      statement.type === 'ImportDeclaration' ||
      statement.type === 'ExportDefaultDeclaration' ||
      statement.type === 'ExportNamedDeclaration' ||
      statement.type === 'ExportAllDeclaration',
  )
  if (esm) return 'esm'
  return program.body.some((statement) => findModuleExportsAssignment(statement) !== undefined)
    ? 'cjs'
    : 'esm'
}

/** `module.exports = <value>` as a top-level statement: the assignment, else `undefined`. */
export function findModuleExportsAssignment(
  statement: Statement,
): NodeOf<'AssignmentExpression'> | undefined {
  if (statement.type !== 'ExpressionStatement') return undefined
  const expression = statement.expression
  if (expression.type !== 'AssignmentExpression' || expression.operator !== '=') return undefined
  const left = expression.left
  const isModuleExports =
    left.type === 'MemberExpression' &&
    !left.computed &&
    left.object.type === 'Identifier' &&
    left.object.name === 'module' &&
    left.property.type === 'Identifier' &&
    left.property.name === 'exports'
  return isModuleExports ? expression : undefined
}

/**
 * The edited file's text. Recast reprints only what changed; a statement inserted after the last
 * import inherits the blank line that followed it, which is moved back below the new statement.
 */
export function printConfigModule(config: ConfigModule): string {
  const { code } = generateCode(config.module, {
    format: {
      quote: config.style.quote === '"' ? 'double' : 'single',
      trailingComma: config.style.trailingComma,
      // Tab-indented files (SvelteKit's templates) stay tab-indented where recast reprints.
      ...(config.style.indent === '\t' ? { useTabs: true, tabWidth: 4 } : {}),
    },
  })
  const lines = code.split('\n')
  for (const first of config.inserted) {
    const at = lines.indexOf(first)
    if (at >= 2 && lines[at - 1]?.trim() === '' && isLoadStatement(lines[at - 2] ?? '')) {
      lines.splice(at - 1, 1)
      // Keep the gap the file had between its imports and the code, now after the new line.
      const next = lines[at]
      if (next !== undefined && next.trim() !== '' && !isLoadStatement(next)) lines.splice(at, 0, '')
    }
  }
  const printed = restoreTabs(config, restoreStatementEnds(config, lines.join('\n')))
  // Recast drops the final newline of a reprinted program; the file keeps the ending it had.
  return config.code.endsWith('\n') && !printed.endsWith('\n') ? `${printed}\n` : printed
}

/**
 * Recast re-prints a statement it cannot patch (any `return` whose argument changed, an
 * `export default` whose value was wrapped) and ends it with `;`. A file without semicolons keeps its
 * style: a `;` recast added to a statement that had none is removed. Statements are matched in order,
 * leaving out those init inserted.
 */
function restoreStatementEnds(config: ConfigModule, after: string): string {
  const before = parseProgram(config.code)
  const now = parseProgram(after)
  const isInserted = (node: Node): boolean =>
    config.inserted.some((text) => after.startsWith(text.replace(/;$/, ''), node.start ?? -1))
  // Top-level statements always pair up (init adds only imports); returns do while none was removed.
  const pairs: [Node, Node][] = []
  const oldTop = before.body
  const newTop = now.body.filter((node) => !isInserted(node))
  if (oldTop.length === newTop.length)
    oldTop.forEach((node, index) => pairs.push([node, newTop[index] as Node]))
  const oldReturns = findReturnStatements(before)
  const newReturns = findReturnStatements(now)
  if (oldReturns.length === newReturns.length)
    oldReturns.forEach((node, index) => pairs.push([node, newReturns[index] as Node]))

  const cuts = pairs
    .filter(([old, changed]) => old.type === changed.type && old.end != null && changed.end != null)
    .filter(
      ([old, changed]) =>
        after[(changed.end as number) - 1] === ';' && config.code[(old.end as number) - 1] !== ';',
    )
    .map(([, changed]) => (changed.end as number) - 1)
    .toSorted((a, b) => b - a)
  let result = after
  for (const at of new Set(cuts)) result = result.slice(0, at) + result.slice(at + 1)
  return result
}

/**
 * Recast indents a reprinted line of a tab-indented file with spaces (four per level) whatever
 * `useTabs` says. In a file whose lines are indented with tabs only, leading spaces are turned back.
 */
function restoreTabs(config: ConfigModule, printed: string): string {
  if (config.style.indent !== '\t' || /^ +\S/m.test(config.code)) return printed
  return printed.replace(/^((?: {4})+)(?=\S)/gm, (spaces) => '\t'.repeat(spaces.length / 4))
}

function parseProgram(code: string): NodeOf<'Program'> {
  const program = parseModule(code).$ast as NodeOf<'Program'>
  restoreSourcePositions(program, code)
  return program
}

function findReturnStatements(program: Node): Node[] {
  const found: Node[] = []
  walk(program, (node) => {
    if (node.type === 'ReturnStatement') found.push(node)
  })
  return found
}

function isLoadStatement(line: string): boolean {
  return /^\s*import\s|\bfrom\s*['"][^'"]+['"];?\s*$|\brequire\(\s*['"][^'"]+['"]\s*\);?\s*$/.test(line)
}
