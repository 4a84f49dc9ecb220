import type { Colors } from 'picocolors/types'

/** `[text](./ERR_X.md)`: a link to another error page, which the terminal reader opens with explain. */
const ERROR_LINK = /\[([^\]]+)\]\(\.\/(ERR_[A-Z0-9_]+)\.md\)/g
const LINK = /\[([^\]]+)\]\(([^)]+)\)/g

function formatInline(line: string, colors: Colors): string {
  return line
    .replace(ERROR_LINK, (_all, text: string, code: string) =>
      text === code ? `sameorigin explain ${code}` : `${text} (sameorigin explain ${code})`,
    )
    .replace(LINK, (_all, text: string, url: string) => (text === url ? url : `${text} <${url}>`))
    .replace(/\*\*([^*]+)\*\*/g, (_all, text: string) => colors.bold(text))
    .replace(/`([^`]+)`/g, (_all, text: string) => colors.cyan(text))
}

/**
 * An error page (Markdown) for a terminal, as `rustc --explain` prints one: headings in bold, code
 * blocks indented without their fences, inline code coloured, links as `text <url>` and links to other
 * error pages as the command that prints them. Plain text when colour is off, still readable.
 */
export function formatPage(markdown: string, colors: Colors): string {
  const out: string[] = []
  let inCode = false
  for (const line of markdown.replace(/\r\n/g, '\n').trimEnd().split('\n')) {
    if (line.startsWith('```')) {
      inCode = !inCode
      continue
    }
    if (inCode) out.push(line === '' ? '' : `    ${colors.dim('│')} ${line}`)
    else if (line.startsWith('# ')) out.push(colors.bold(colors.red(line.slice(2))))
    else if (line.startsWith('## ')) out.push(colors.bold(colors.underline(line.slice(3))))
    else if (line.startsWith('### ')) out.push(colors.bold(line.slice(4)))
    else if (line.startsWith('> ')) out.push(`  ${colors.dim(line.slice(2))}`)
    else if (line === '>') out.push('')
    else out.push(formatInline(line, colors))
  }
  return `${out.join('\n')}\n`
}
