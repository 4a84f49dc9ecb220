// CPU time and memory of a subject, read by the orchestrator from /proc for the subject's whole
// process group (every subject process leads its own group; `next dev` adds a child to it). Counted:
// user + system time of every thread, including reaped children, and resident memory.

import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim())
const PAGE_SIZE = Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim())

/**
 * The processes of the group `pgid`, each as the fields of /proc/<pid>/stat after the command name.
 * @param {number} pgid
 */
function groupMembers(pgid) {
  const members = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let stat
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
    } catch {
      continue // exited meanwhile
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // fields[0] is field 3 of proc(5): state, ppid, pgrp (5), ..., utime (14), stime, cutime, cstime, ..., rss (24)
    if (Number(fields[2]) === pgid) members.push({ pid: Number(entry), fields })
  }
  return members
}

/**
 * CPU milliseconds (user + system, children included) and resident bytes of the group, now.
 * @param {number} pgid
 */
export function readGroupUsage(pgid) {
  let ticks = 0
  let rssBytes = 0
  for (const { fields } of groupMembers(pgid)) {
    ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])
    rssBytes += Number(fields[21]) * PAGE_SIZE
  }
  return { cpuMs: (ticks * 1000) / TICKS_PER_SECOND, rssBytes }
}

/**
 * Resets the kernel's peak-RSS mark (VmHWM) of each process of the group (`5` > clear_refs, Linux 4.0+).
 * @param {number} pgid
 * @returns {boolean} whether every reset worked
 */
export function resetGroupPeakRss(pgid) {
  let ok = true
  for (const { pid } of groupMembers(pgid)) {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5')
    } catch {
      ok = false
    }
  }
  return ok
}

/**
 * Each group member's resident bytes now (RSS) and peak resident bytes since the last reset (VmHWM),
 * by pid: the upload's memory growth is taken per process, so a process that exits meanwhile does not
 * count as negative growth and one that starts meanwhile (`next dev` forks a worker for a dynamic
 * route's static paths) is told apart.
 * @param {number} pgid
 * @returns {Map<number, { rssBytes: number, peakBytes: number }>}
 */
export function readGroupMemory(pgid) {
  const memory = new Map()
  for (const { pid } of groupMembers(pgid)) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8')
      const kib = (field) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024
      memory.set(pid, { rssBytes: kib('VmRSS'), peakBytes: kib('VmHWM') })
    } catch {}
  }
  return memory
}
