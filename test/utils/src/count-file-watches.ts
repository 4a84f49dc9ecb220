import { readdirSync, readFileSync, readlinkSync } from 'node:fs'
import process from 'node:process'

/** What file watchers hold in this process, as {@link countFileWatches} counts it. */
export interface FileWatchCount {
  /** The kernel's inotify watches of this process (Linux); `undefined` elsewhere. */
  readonly inotifyWatches: number | undefined
  /** `fs.watch` / `fs.watchFile` handles that keep the process alive. */
  readonly fsWatches: number
  readonly processListeners: number
}

/**
 * What a config watcher holds in this process, to compare before it starts and after it is closed:
 * inotify watches (chokidar's `persistent: false` watches do not show as active resources, the
 * kernel still counts them), file-watch handles and process listeners.
 * @example const before = countFileWatches(); …; expect(countFileWatches()).toEqual(before)
 */
export function countFileWatches(): FileWatchCount {
  const kinds = process.getActiveResourcesInfo()
  return {
    inotifyWatches: countInotifyWatches(),
    fsWatches: kinds.filter((kind) => kind === 'FSEventWrap' || kind === 'StatWatcher').length,
    processListeners: process.eventNames().reduce((sum, name) => sum + process.listenerCount(name), 0),
  }
}

/** What a config watcher or a reload could leak: {@link countFileWatches} and the active timers. */
export interface ResourceCount extends FileWatchCount {
  readonly timers: number
}

/**
 * {@link countFileWatches} plus the process's active timers, for "no leak after 50 edits": timers of
 * requests that just ended may still be due, so compare `timers` as "not more than before".
 */
export function countResources(): ResourceCount {
  const timers = process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length
  return { ...countFileWatches(), timers }
}

function countInotifyWatches(): number | undefined {
  if (process.platform !== 'linux') return undefined
  let count = 0
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`) !== 'anon_inode:inotify') continue
      count += readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8')
        .split('\n')
        .filter((line) => line.startsWith('inotify wd:')).length
    } catch {
      // The descriptor closed meanwhile.
    }
  }
  return count
}
