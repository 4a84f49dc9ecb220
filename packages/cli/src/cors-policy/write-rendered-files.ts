import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { RenderedFile } from './types.ts'

/**
 * Writes the rendered files for `--out`: the first to `out`, any other beside it under its own name
 * (nginx's location part). Returns where each went; without `out`, nothing is written (all `undefined`).
 */
export async function writeRenderedFiles(
  files: readonly RenderedFile[],
  out: string | undefined,
): Promise<(string | undefined)[]> {
  const paths = files.map((file, index) =>
    out === undefined ? undefined : index === 0 ? out : join(dirname(out), file.name),
  )
  for (const [index, file] of files.entries()) {
    const path = paths[index]
    if (path === undefined) continue
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, file.content)
  }
  return paths
}
