import { readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs'
import process from 'node:process'

/**
 * Whether this process holds an inotify watch on `path` (a directory a config watcher watches), from
 * `/proc/self/fdinfo` (Linux; `undefined` elsewhere). Unlike a count, it is not disturbed by other
 * watchers of the process, and shows a watcher left open after its owner is gone.
 * @example expect(isWatched(appRoot)).toBe(false)
 */
export function isWatched(path: string): boolean | undefined {
  if (process.platform !== 'linux') return undefined
  const inode = `ino:${statSync(path).ino.toString(16)} `
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`) !== 'anon_inode:inotify') continue
      const info = readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8')
      if (info.split('\n').some((line) => line.startsWith('inotify wd:') && line.includes(inode))) return true
    } catch {
      // The descriptor closed meanwhile.
    }
  }
  return false
}
