/**
 * The candidate closest to `input` by edit distance (case-insensitive, adjacent swaps count as one
 * edit), or `undefined` when nothing is close enough to be a plausible typo.
 * @example didYouMean('changeOrgin', ['changeOrigin', 'target']) // 'changeOrigin'
 */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase()
  // Longer words tolerate more slips: 'wss' → 'ws' is a typo, 'a' → 'ca' is a guess (only case counts).
  const limit = needle.length <= 2 ? 0 : needle.length <= 4 ? 1 : 2
  let best: string | undefined
  let bestDistance = limit + 1
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

/** Optimal string alignment distance: Levenshtein plus transposition of neighbours ('taregt'). */
function editDistance(a: string, b: string): number {
  if (a === b) return 0
  const rows: number[][] = []
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i]
    for (let j = 1; j <= b.length; j++) row.push(i === 0 ? j : 0)
    rows.push(row)
  }
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[]
    const previous = rows[i - 1] as number[]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(
        (previous[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      )
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, ((rows[i - 2] as number[])[j - 2] as number) + 1)
      }
      row[j] = value
    }
  }
  return (rows[a.length] as number[])[b.length] as number
}
