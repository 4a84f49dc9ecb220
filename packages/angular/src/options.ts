import type { DevServerBuilderOptions } from '@angular/build'

/**
 * The options of `@sameorigin/angular:dev-server`: every option of Angular's own
 * `@angular/build:dev-server` (the `serve` target's `options` in angular.json and `ng serve`'s flags),
 * plus the one of this builder.
 */
export type SameOriginDevServerOptions = DevServerBuilderOptions & {
  /**
   * The sameorigin config file, relative to the project's root (`projects.<name>.root` in angular.json).
   * @default the nearest `sameorigin.config.*` from the project's root up to the workspace root
   * @example "sameoriginConfig": "config/sameorigin.config.ts"
   */
  sameoriginConfig?: string
}
