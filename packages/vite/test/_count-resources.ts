import { readdirSync, readFileSync, readlinkSync } from 'node:fs'
import process from 'node:process'

/** What a config watcher could leak, counted for this process. */
export interface Resources {
  readonly timers: number
  readonly fsWatches: number
  /** The kernel's inotify watches of this process (Linux): chokidar's `persistent: false` watches are not active resources. */
  readonly inotifyWatches: number | undefined
  readonly processListeners: number
}

/** Counts timers, file watches and process listeners, as core's watchConfig test does. */
export function countResources(): Resources {
  const kinds = process.getActiveResourcesInfo()
  return {
    timers: kinds.filter((kind) => kind === 'Timeout').length,
    fsWatches: kinds.filter((kind) => kind === 'FSEventWrap' || kind === 'StatWatcher').length,
    inotifyWatches: countInotifyWatches(),
    processListeners: process.eventNames().reduce((sum, name) => sum + process.listenerCount(name), 0),
  }
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
