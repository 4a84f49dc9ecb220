/** Bytes as MiB with one decimal. */
export function toMiB(bytes: number): number {
  return Math.round((bytes / 2 ** 20) * 10) / 10
}
