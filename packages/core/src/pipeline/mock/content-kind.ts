/** How a recorded body is kept: a JSON value, text, or bytes in a file of its own. */
export type ContentKind = 'json' | 'text' | 'binary'

const JSON_TYPE = /^\s*application\/(?:[^;\s/]*\+)?json\s*(?:;|$)/i
const TEXT_TYPE =
  /^\s*(?:text\/|application\/(?:[^;\s/]*\+)?xml\s*(?:;|$)|application\/(?:javascript|ecmascript|x-www-form-urlencoded|graphql)\s*(?:;|$)|image\/svg\+xml)/i

/** `application/json`, `application/problem+json`, any case, with or without parameters. */
export function isJsonType(contentType: string | undefined): boolean {
  return contentType !== undefined && JSON_TYPE.test(contentType)
}

/** What a `Content-Type` says about a body, before its bytes are looked at. */
export function toContentKind(contentType: string | undefined): ContentKind {
  if (isJsonType(contentType)) return 'json'
  return contentType !== undefined && TEXT_TYPE.test(contentType) ? 'text' : 'binary'
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'application/json': 'json',
  'application/pdf': 'pdf',
  'application/wasm': 'wasm',
  'application/zip': 'zip',
  'font/woff2': 'woff2',
  'image/avif': 'avif',
  'image/gif': 'gif',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/x-icon': 'ico',
  'video/mp4': 'mp4',
}

/** The extension of a body file, from its type: `png` for `image/png`, `bin` for anything unknown. */
export function toBodyExtension(contentType: string | undefined): string {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? ''
  return EXTENSIONS[type] ?? (isJsonType(contentType) ? 'json' : 'bin')
}
