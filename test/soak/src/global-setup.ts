import { clearReliabilityRows, collectReliabilityRows } from '@sameorigin/test-utils'

/** Clears leftover rows, and at the end writes `.tmp/reliability/soak.json` if any case ran. */
export default function setup(): () => void {
  clearReliabilityRows('soak')
  return () => void collectReliabilityRows('soak', 'pnpm test:soak')
}
