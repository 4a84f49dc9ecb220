import { readdir, readFile, stat } from 'node:fs/promises'
import { extname, join, relative, resolve } from 'node:path'
import type { SourceFile } from './scan-source.ts'

/** The files a frontend's code is written in. */
const EXTENSIONS = new Set([
  '.js',
  '.jsx',
  '.mjs',
  '.cjs',
  '.ts',
  '.tsx',
  '.mts',
  '.cts',
  '.vue',
  '.svelte',
  '.astro',
])

/** Folders that hold no source of the app's own (dependencies, builds, caches). */
const SKIPPED = new Set([
  'node_modules',
  'dist',
  'build',
  'coverage',
  '.git',
  '.next',
  '.nuxt',
  '.output',
  '.svelte-kit',
])

async function walk(path: string, found: string[]): Promise<void> {
  const info = await stat(path)
  if (info.isFile()) {
    found.push(path)
    return
  }
  for (const entry of await readdir(path, { withFileTypes: true })) {
    if (entry.isDirectory() && !SKIPPED.has(entry.name)) await walk(join(path, entry.name), found)
    else if (entry.isFile() && EXTENSIONS.has(extname(entry.name))) found.push(join(path, entry.name))
  }
}

/**
 * The source files under each `--src` path (a file, or a folder walked for script and component
 * files, dependencies and builds skipped), each named relative to `cwd`.
 */
export async function readSources(cwd: string, paths: readonly string[]): Promise<SourceFile[]> {
  const files: string[] = []
  for (const path of paths) await walk(resolve(cwd, path), files)
  return Promise.all(
    [...new Set(files)].map(async (file) => ({
      file: relative(cwd, file),
      text: await readFile(file, 'utf8'),
    })),
  )
}
