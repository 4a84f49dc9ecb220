import { dirname } from 'node:path'
import { watch } from 'chokidar'

/** A running {@link watchConfigFiles}. */
export interface FileWatcher {
  /** Resolves once the files are watched: an edit made before may go unseen. */
  readonly ready: Promise<void>
  /** Stops watching, and drops a change still waiting for its quiet period. */
  readonly close: () => Promise<void>
}

/**
 * Calls `onChange` once an edit of `files` (written, created, deleted or replaced by an editor's
 * atomic save) has been followed by `quietMs` without another: an editor's save is several events, and
 * a half-written file must not be read. Watches the files' directories, not their subdirectories, with
 * chokidar, the file watcher Vite and webpack-dev-server use, and never keeps the process alive.
 * @example const watcher = watchConfigFiles(['/app/sameorigin.config.ts'], (file) => reload(file))
 */
export function watchConfigFiles(
  files: readonly string[],
  onChange: (file: string) => void,
  quietMs = 50,
): FileWatcher {
  const wanted = new Set(files)
  const dirs = new Set(files.map((file) => dirname(file)))
  let timer: ReturnType<typeof setTimeout> | undefined
  const watcher = watch([...dirs], {
    depth: 0,
    ignoreInitial: true,
    persistent: false,
    ignored: (path) => !dirs.has(path) && !wanted.has(path),
  })
  watcher.on('all', (_event, path) => {
    if (!wanted.has(path)) return
    clearTimeout(timer)
    timer = setTimeout(() => {
      timer = undefined
      onChange(path)
    }, quietMs)
  })
  // A directory that cannot be watched (removed, no permission) leaves the others watched.
  watcher.on('error', () => {})
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
  return {
    ready,
    close: async () => {
      clearTimeout(timer)
      timer = undefined
      await watcher.close()
    },
  }
}
