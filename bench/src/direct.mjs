// No proxy: the client talks to the upstream itself. The physical limit every ratio is taken against.

/** Runs in the orchestrating process: there is no proxy process to measure. */
export const proxyless = true

/** @param {{ upstream: string }} options */
export async function start({ upstream }) {
  return { url: upstream, close: async () => {} }
}
