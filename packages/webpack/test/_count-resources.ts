import { readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs'
import process from 'node:process'

/** The inode of every file or directory this process watches with inotify (Linux; empty elsewhere). */
function inotifyInodes(): number[] {
  if (process.platform !== 'linux') return []
  const inodes: number[] = []
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`) !== 'anon_inode:inotify') continue
      for (const line of readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8').split('\n')) {
        const inode = /^inotify wd:\d+ ino:([\da-f]+)/.exec(line)?.[1]
        if (inode !== undefined) inodes.push(Number.parseInt(inode, 16))
      }
    } catch {
      // The descriptor closed meanwhile.
    }
  }
  return inodes
}

/**
 * What could leak per reload: timers, file watches (the kernel's inotify watches of this process, on
 * Linux: chokidar's `persistent: false` watches do not show as active resources) and process
 * listeners. As `countResources` in packages/core/test/host/watch-config.test.ts counts them.
 */
export function countResources(): Record<
  'timers' | 'fsWatches' | 'inotifyWatches' | 'processListeners',
  number
> {
  const kinds = process.getActiveResourcesInfo()
  return {
    timers: kinds.filter((kind) => kind === 'Timeout').length,
    fsWatches: kinds.filter((kind) => kind === 'FSEventWrap' || kind === 'StatWatcher').length,
    inotifyWatches: inotifyInodes().length,
    processListeners: process.eventNames().reduce((sum, name) => sum + process.listenerCount(name), 0),
  }
}

/** Whether this process watches `path` (a directory or file) with inotify: throws off Linux. */
export function isWatched(path: string): boolean {
  if (process.platform !== 'linux') throw new Error('inotify watches can only be read on Linux')
  return inotifyInodes().includes(statSync(path).ino)
}
