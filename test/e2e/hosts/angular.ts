import { startAngular as startNgServe } from '@sameorigin/test-utils'
import type { DevServer, StartDevServerOptions } from './types.ts'

/**
 * `ng serve` as a user runs it, in the example's folder (angular.json's `serve` target on
 * `@sameorigin/angular:dev-server`, sameorigin.config.ts), under Node 24 (Angular 22 needs ^22.22.3 ||
 * >= 24.15): a child process on 127.0.0.1 and any free port (the page opens it as `localhost`), every
 * line it prints going to `log` (the shared starter of @sameorigin/test-utils).
 */
export async function startAngular({ root, log }: StartDevServerOptions): Promise<DevServer> {
  const ng = await startNgServe(root, { onLine: (line) => log(`[ng] ${line}`) })
  // The page on `localhost`, as on the other hosts: the backend (127.0.0.1) is then another host
  // name, as a staging backend is, and its cookie's Domain is one the browser would reject.
  return { url: ng.url.replace('//127.0.0.1:', '//localhost:'), close: ng.close }
}
