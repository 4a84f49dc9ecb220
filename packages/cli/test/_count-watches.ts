import { readdirSync, readFileSync, readlinkSync } from 'node:fs'
import process from 'node:process'

/**
 * What a file watcher holds in this process: the kernel's inotify watches (on Linux; chokidar's
 * `persistent: false` watches do not show as active resources), file-watch handles, and process
 * listeners. As the core's live-reload test counts them.
 */
export function countWatches(): { inotifyWatches: number; fsWatches: number; processListeners: number } {
  const kinds = process.getActiveResourcesInfo()
  return {
    inotifyWatches: countInotifyWatches(),
    fsWatches: kinds.filter((kind) => kind === 'FSEventWrap' || kind === 'StatWatcher').length,
    processListeners: process.eventNames().reduce((sum, name) => sum + process.listenerCount(name), 0),
  }
}

function countInotifyWatches(): number {
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
