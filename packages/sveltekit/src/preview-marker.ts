// `vite preview` runs the built SvelteKit server in Vite's own process; `node build` does not. The
// Vite plugin marks the process when Vite starts a preview server, and the hook reads the mark, so
// `handle` forwards in `vite preview` as in `vite dev` and stays off in the deployed app. A global
// symbol, because the hook the build bundled is another copy of this module than the plugin's.
const PREVIEW = Symbol.for('sameorigin.sveltekit.preview')

/** Called by the Vite plugin's `configurePreviewServer`. */
export function markVitePreview(): void {
  ;(globalThis as Record<symbol, unknown>)[PREVIEW] = true
}

/** Whether this process serves `vite preview` with the plugin installed. */
export function isVitePreview(): boolean {
  return (globalThis as Record<symbol, unknown>)[PREVIEW] === true
}
