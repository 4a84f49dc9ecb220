import type { Node } from './ast.ts'

// Recast's line terminators (`lineTerminatorSeqExp`) and its tab width (magicast keeps the default).
const LINE_TERMINATOR = /\r\n|[\n\r\u2028\u2029]/g
const TAB_WIDTH = 4

/**
 * Recast hands the parser the file with each line's leading whitespace rewritten as spaces (a tab
 * up to the next multiple of 4) and its lines joined by `\n`, so node positions (`start`, `end`) are
 * offsets in that text, not in the file. Init slices the file by them (a list item as written, a
 * value in a message): this puts every node and comment of `program` back on offsets in `code`.
 * Nothing to do for a file without tabs or carriage returns.
 */
export function restoreSourcePositions(program: Node, code: string): void {
  if (!/[\t\r\u2028\u2029]/.test(code)) return
  const lines: { start: number; lead: number; parsedStart: number; parsedLead: number }[] = []
  let start = 0
  let parsedStart = 0
  const ends = [...code.matchAll(LINE_TERMINATOR)].map((match) => [match.index, match[0].length] as const)
  ends.push([code.length, 0])
  for (const [end, terminator] of ends) {
    const lead = /^\s*/.exec(code.slice(start, end))?.[0] ?? ''
    const parsedLead = countColumns(lead)
    lines.push({ start, lead: lead.length, parsedStart, parsedLead })
    parsedStart += parsedLead + (end - start - lead.length) + 1
    start = end + terminator
  }
  const toSource = (position: number): number => {
    let low = 0
    let high = lines.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((lines[middle]?.parsedStart ?? 0) <= position) low = middle
      else high = middle - 1
    }
    const line = lines[low] as (typeof lines)[number]
    const column = position - line.parsedStart
    return (
      line.start +
      (column <= line.parsedLead ? Math.min(column, line.lead) : line.lead + column - line.parsedLead)
    )
  }
  const seen = new Set<object>()
  const visit = (node: Node): void => {
    if (seen.has(node)) return
    seen.add(node)
    if (node.start != null) node.start = toSource(node.start)
    if (node.end != null) node.end = toSource(node.end)
    for (const [key, value] of Object.entries(node)) {
      if (key === 'loc') continue
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) visit(item)
      } else if (isNode(value)) visit(value)
    }
  }
  visit(program)
}

function countColumns(lead: string): number {
  let count = 0
  for (const char of lead) {
    if (char === '\t')
      count =
        Math.ceil(count / TAB_WIDTH) * TAB_WIDTH === count
          ? count + TAB_WIDTH
          : Math.ceil(count / TAB_WIDTH) * TAB_WIDTH
    else if (!['\v', '\f', '\r', '\uFEFF'].includes(char)) count += 1
  }
  return count
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
}
