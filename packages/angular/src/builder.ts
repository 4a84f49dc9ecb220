// The builder Architect loads (`builders.json`: `dev-server`). Architect takes a builder as the
// module's default export, and adapter entry files are where STYLE allows one.
import type { Builder } from '@angular-devkit/architect'
import { createBuilder } from '@angular-devkit/architect'
import { executeDevServer } from './execute-dev-server.ts'
import type { SameOriginDevServerOptions } from './options.ts'

/** `@sameorigin/angular:dev-server`: Angular's `@angular/build:dev-server` with sameorigin's routes. */
const builder: Builder<SameOriginDevServerOptions> = createBuilder(executeDevServer)
// oxlint-disable-next-line import/no-default-export -- Architect loads a builder's default export
export default builder
