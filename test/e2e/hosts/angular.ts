import { findNode24 } from '@sameorigin/test-utils'
import { startCli, withoutVitest } from './start-cli.ts'
import type { DevServer, StartDevServerOptions } from './types.ts'

/**
 * `ng serve` as a user runs it, in the example's folder (angular.json's `serve` target on
 * `@sameorigin/angular:dev-server`, sameorigin.config.ts), under Node 24 (Angular 22 needs
 * ^22.22.3 || >= 24.15), Angular's analytics prompt off.
 */
export function startAngular({ root, log }: StartDevServerOptions): Promise<DevServer> {
  return startCli({
    name: 'ng',
    root,
    log,
    node: findNode24('Angular 22', '22.22'),
    bin: ['@angular/cli', 'ng'],
    args: ['serve', '--host', '127.0.0.1', '--port', '0', '--no-open'],
    env: withoutVitest({ NODE_ENV: 'development', NG_CLI_ANALYTICS: 'false', NO_COLOR: '1' }),
    // `  ➜  Local:   http://127.0.0.1:41234/`
    ready: /Local:\s+(http:\/\/127\.0\.0\.1:\d+)/,
  })
}
