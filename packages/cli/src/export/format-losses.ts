import type { ExportLoss } from './types.ts'

/** The losses as the terminal shows them, or `undefined` when the target expresses everything. */
export function formatLosses(losses: readonly ExportLoss[]): string | undefined {
  if (losses.length === 0) return undefined
  const lines = losses.flatMap((loss) => [
    `  - ${loss.route === undefined ? '' : `${loss.route}: `}${loss.behaviour}: ${loss.why}`,
    ...(loss.instead === undefined ? [] : [`    instead: ${loss.instead}`]),
  ])
  const count = `${losses.length} behaviour${losses.length === 1 ? '' : 's'}`
  return [
    `${count} of the config cannot be expressed by this target (also written in the file):`,
    ...lines,
  ].join('\n')
}
