import type { SameOriginOptions } from '@sameorigin/core'

/**
 * The plugin's options in every bundler: a sameorigin config merged over `sameorigin.config.*`, plus
 * `configFile`. The core's `SameOriginOptions`, which every adapter takes (none adds keys of its own
 * here), since each bundler entry hands them to that bundler's adapter unchanged.
 */
export type Options = SameOriginOptions
