// The module `optionsModule` (options-module.ts) serves to the middleware.
declare module 'virtual:@sameorigin/astro/options' {
  import type { SameOriginOptions } from '@sameorigin/core'
  /** Astro's `root` when the bundle was made. */
  export const root: string
  /** `true` in `astro dev`'s bundle. */
  export const dev: boolean
  /** The integration's options, without functions. */
  export const options: SameOriginOptions & { readonly production?: boolean }
}
