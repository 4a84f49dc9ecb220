import { readdirSync, readFileSync } from 'node:fs'

/** One reading of a process's resources. */
export interface Sample {
  /** Resident memory (VmRSS), bytes. */
  readonly rssBytes: number
  /** Open file descriptors (sockets included). */
  readonly fds: number
}

/** Samples taken so far, and how to stop taking them. */
export interface Sampler {
  readonly samples: readonly Sample[]
  /** Takes one last sample, stops, and returns every sample in order. */
  readonly stop: () => readonly Sample[]
}

/** VmRSS and the open descriptors of `pid`, read from /proc (Linux). */
export function readSample(pid: number): Sample {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1])
  return { rssBytes: kib * 1024, fds: readdirSync(`/proc/${pid}/fd`).length }
}

/** Reads `pid` every `intervalMs` (and once at once) until `stop`. */
export function sampleProcess(pid: number, intervalMs = 250): Sampler {
  const samples: Sample[] = [readSample(pid)]
  const timer = setInterval(() => samples.push(readSample(pid)), intervalMs)
  return {
    samples,
    stop: () => {
      clearInterval(timer)
      samples.push(readSample(pid))
      return samples
    },
  }
}

/** The mean of `values`. */
export function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length
}

/** The first and last quarter of `samples` (at least one sample each). */
export function quarters<T>(samples: readonly T[]): { first: readonly T[]; last: readonly T[] } {
  const size = Math.max(1, Math.floor(samples.length / 4))
  return { first: samples.slice(0, size), last: samples.slice(-size) }
}
