import type { SameoriginOptions } from '@sameorigin/vite'

/**
 * The plugin's options in every bundler: a sameorigin config merged over `sameorigin.config.*`, plus
 * `configFile`. The same shape `@sameorigin/vite` takes, since each bundler entry hands them to that
 * bundler's adapter unchanged.
 */
export type Options = SameoriginOptions
