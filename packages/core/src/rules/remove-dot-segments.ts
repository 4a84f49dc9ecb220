/**
 * RFC 3986 §5.2.4 "Remove Dot Segments" for an absolute path: `.` segments vanish, `..` removes the
 * segment before it, and nothing ever climbs above the root (`/../etc` → `/etc`). A trailing `.` or
 * `..` leaves a trailing slash (`/a/b/..` → `/a/`), as browsers and the RFC do.
 */
export function removeDotSegments(path: string): string {
  const segments = path.split('/')
  const output: string[] = ['']
  const last = segments.length - 1
  // Index 0 is the empty segment before the leading '/'.
  for (let i = 1; i <= last; i++) {
    const segment = segments[i] as string
    if (segment === '.' || segment === '..') {
      if (segment === '..' && output.length > 1) output.pop()
      if (i === last) output.push('')
    } else {
      output.push(segment)
    }
  }
  return output.length === 1 ? '/' : output.join('/')
}
