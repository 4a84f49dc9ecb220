/**
 * Waits until `check()` holds, polling every 10 ms, for things that settle asynchronously on the other
 * side of a socket (a close reaching the upstream). Throws after `ms`: a generous bound, not a timing assertion.
 */
export async function eventually(check: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error(`condition not met within ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
