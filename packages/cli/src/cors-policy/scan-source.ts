import type { SourceEvidence } from './types.ts'

/** One source file: its path as shown and its text. */
export interface SourceFile {
  readonly file: string
  readonly text: string
}

// How client code reads a response header: fetch's `response.headers.get('X-Total-Count')` (and
// `.has`), XMLHttpRequest's `xhr.getResponseHeader('X-Total-Count')`, axios' `response.headers['x-total-count']`.
const HEADER_READS = [
  /\.headers\s*\.\s*(?:get|has)\(\s*(['"`])([!#$%&'*+\-.^_|~0-9A-Za-z]+)\1\s*\)/g,
  /\.getResponseHeader\(\s*(['"`])([!#$%&'*+\-.^_|~0-9A-Za-z]+)\1\s*\)/g,
  /\.headers\s*\[\s*(['"`])([!#$%&'*+\-.^_|~0-9A-Za-z]+)\1\s*\]/g,
]

// How client code asks for cookies cross-origin: fetch's `credentials: 'include'`, XMLHttpRequest's
// and axios' `withCredentials = true` / `withCredentials: true`.
const CREDENTIALS = /credentials\s*:\s*(['"`])include\1|withCredentials\s*[:=]\s*true\b/

/**
 * What the app's source shows the policy: the response headers its code reads (a HAR cannot show
 * that) and whether it asks for credentials. A textual scan, not a parse: it finds literal names
 * only (`headers.get(name)` with a variable is not seen), which is why every exposed header's reason
 * names the file it was read in.
 * @example scanSource([{ file: 'src/api.ts', text: "res.headers.get('X-Total-Count')" }]).readsHeaders // x-total-count → src/api.ts
 */
export function scanSource(files: readonly SourceFile[]): SourceEvidence {
  const readsHeaders = new Map<string, string>()
  const credentials: string[] = []
  for (const { file, text } of files) {
    for (const pattern of HEADER_READS) {
      for (const match of text.matchAll(pattern)) {
        const name = (match[2] ?? '').toLowerCase()
        if (name !== '' && !readsHeaders.has(name)) readsHeaders.set(name, file)
      }
    }
    if (CREDENTIALS.test(text)) credentials.push(file)
  }
  return { readsHeaders, credentials }
}
