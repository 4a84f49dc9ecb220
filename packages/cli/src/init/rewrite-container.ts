import { generateCode, parseModule } from 'magicast'
import type { Node, NodeOf } from './ast.ts'
import { isUnchanged, markChanged, walk } from './ast.ts'
import type { ConfigModule } from './config-module.ts'

/** Nodes parsed from snippets: their positions are not positions in the file. */
const snippets = new WeakSet<Node>()

/**
 * Parses one expression, ready to put in a file's tree. Recast then prints it exactly as written
 * here (magicast's `parseExpression` marks its result changed, which makes recast re-format it).
 */
export function parseSnippet(code: string): Node {
  const program = parseModule(`x = ${code}`).$ast as NodeOf<'Program'>
  const statement = program.body[0]
  if (statement?.type !== 'ExpressionStatement' || statement.expression.type !== 'AssignmentExpression')
    throw new Error(`Not an expression: ${code}`)
  // Every node of it: a piece moved elsewhere (a property) is still not from the file.
  walk(statement.expression.right, (node) => snippets.add(node))
  return statement.expression.right
}

/**
 * Puts `items` (nodes of this file, or new code) in place of the elements of `container`, an array or
 * object literal. Recast re-formats a list whose length changed: it folds a multi-line list of
 * objects onto its brackets (`[{`) and puts blank lines around multi-line properties. The list is
 * instead written afresh in its own layout: on one line if it was, else one item per line with the
 * blank lines, comments and trailing comma it had. Each item is printed by recast (as written, or
 * with its own edits).
 */
export function rewriteContainer(
  config: ConfigModule,
  container: NodeOf<'ArrayExpression'> | NodeOf<'ObjectExpression'>,
  items: readonly (Node | string)[],
  options: { readonly expandEmpty?: boolean } = {},
): void {
  const [open, close] = container.type === 'ArrayExpression' ? ['[', ']'] : ['{', '}']
  const printed = items.map((item) =>
    typeof item === 'string' ? { text: item, trailing: '' } : nodeText(config, item),
  )
  const wasEmpty =
    (container.type === 'ArrayExpression' ? container.elements : container.properties).length === 0
  // `expandEmpty`: a list that starts empty (`routes: {}`) gets one item per line.
  // Positions, not `loc`: the TypeScript parser leaves `loc` off some nodes.
  const written =
    snippets.has(container) || container.start == null || container.end == null
      ? ''
      : config.code.slice(container.start, container.end)
  const multiLine = (options.expandEmpty === true && wasEmpty) || written.includes('\n')
  let text: string
  if (printed.length === 0) text = `${open}${close}`
  else if (!multiLine) {
    const pad = container.type === 'ObjectExpression' ? ' ' : ''
    const parts = printed.map(({ text: item, trailing }, index) =>
      [item, index < printed.length - 1 ? ',' : '', trailing === '' ? '' : ` ${trailing}`].join(''),
    )
    text = `${open}${pad}${parts.join(' ')}${pad}${close}`
  } else {
    const hadComma = endsWithComma(config, container) ?? config.style.trailingComma
    const indent = config.style.indent
    const lines = printed.map(({ text: item, trailing }, index) => {
      const body = item
        .split('\n')
        .map((line) => (line === '' ? line : `${indent}${line}`))
        .join('\n')
      const node = items[index]
      const gap = typeof node === 'object' && index > 0 && hasBlankLineBefore(config.code, node) ? '\n' : ''
      const comma = index < printed.length - 1 || hadComma ? ',' : ''
      return `${gap}${body}${comma}${trailing === '' ? '' : ` ${trailing}`}`
    })
    text = `${open}\n${lines.join('\n')}\n${close}`
  }
  replaceNode(config.program, container, parseSnippet(text))
}

/**
 * Whether the list, as written in the file, ends with a comma (`[a, b,]`), ignoring a comment after
 * it; `undefined` for a list that was empty or is not from the file.
 */
function endsWithComma(config: ConfigModule, container: Node): boolean | undefined {
  if (snippets.has(container) || container.start == null || container.end == null) return undefined
  const inner = config.code
    .slice(container.start + 1, container.end - 1)
    .replace(/\s+$/, '')
    // A comment on the last line (`// ...` with no quote after it, or `/* ... */`).
    .replace(/(?:\/\/[^\n'"`]*|\/\*[\s\S]*?\*\/)$/, '')
    .replace(/\s+$/, '')
  return inner === '' ? undefined : inner.endsWith(',')
}

/** A comment as recast attaches it to a node. */
interface AttachedComment {
  readonly type: string
  readonly value: string
  readonly leading?: boolean
  readonly trailing?: boolean
  readonly start?: number
}

function commentsOf(node: Node): AttachedComment[] {
  return ((node as { comments?: AttachedComment[] }).comments ?? []).slice()
}

function writeComment(comment: AttachedComment): string {
  return comment.type === 'CommentLine' ? `//${comment.value}` : `/*${comment.value}*/`
}

/** True when the original file has an empty line right above `node` (its comments included). */
function hasBlankLineBefore(code: string, node: Node): boolean {
  if (snippets.has(node) || node.start == null) return false
  const leading = commentsOf(node).filter((comment) => comment.leading === true)
  const start = Math.min(node.start, ...leading.map((comment) => comment.start ?? Infinity))
  return /\n[ \t]*\n[ \t]*$/.test(code.slice(0, start))
}

/**
 * An item of a list as text: its source as written when init changed nothing in it (leading comments
 * included, its other lines re-based on the indentation of its first line), else as recast prints it.
 * Trailing comments come apart, to follow the list's comma.
 */
function nodeText(config: ConfigModule, node: Node): { text: string; trailing: string } {
  const comments = commentsOf(node)
  const trailing = comments
    .filter((comment) => comment.trailing === true)
    .map(writeComment)
    .join(' ')
  if (!snippets.has(node) && node.start != null && node.end != null && isUnchanged(node)) {
    const leading = comments.filter((comment) => comment.leading === true)
    const start = Math.min(node.start, ...leading.map((comment) => comment.start ?? Infinity))
    const lineStart = config.code.lastIndexOf('\n', start - 1) + 1
    const column = /^[ \t]*/.exec(config.code.slice(lineStart, start))?.[0].length ?? 0
    const text = config.code
      .slice(start, node.end)
      .split('\n')
      .map((line, index) =>
        index === 0 ? line : line.slice(Math.min(column, /^[ \t]*/.exec(line)?.[0].length ?? 0)),
      )
      .join('\n')
    return { text, trailing }
  }
  // Recast prints a trailing line comment before the node it follows: comments are written here.
  const holder = node as { comments?: AttachedComment[] }
  holder.comments = undefined
  try {
    const text = generateCode({ $ast: node } as never, { format: false }).code.trim()
    const leading = comments.filter((comment) => comment.leading === true).map(writeComment)
    return { text: [...leading, text].join('\n'), trailing }
  } finally {
    holder.comments = comments.length === 0 ? undefined : comments
  }
}

/** Replaces the node `from` with `to` wherever the tree holds it. */
function replaceNode(root: Node, from: Node, to: Node): void {
  walk(root, (node) => {
    const record = node as unknown as Record<string, unknown>
    for (const key of Object.keys(record)) {
      const value = record[key]
      if (value === from) {
        record[key] = to
        markChanged(node)
      } else if (Array.isArray(value)) {
        const at = value.indexOf(from)
        if (at === -1) continue
        value[at] = to
        markChanged(node)
      }
    }
  })
}
