/**
 * The `proxyConfig` file as Angular hands it to Vite (`server.proxy`): read with Angular's own loader,
 * so its keys are the ones Vite matches (array form spread into keys, globs turned into `^` RegExp
 * keys). Only the overlap warning reads it; when it cannot be read, the warning is skipped and
 * Angular reports the file's problem itself when it loads it.
 */
export async function readProxyConfig(
  workspaceRoot: string,
  proxyConfig: string | undefined,
): Promise<Readonly<Record<string, unknown>> | undefined> {
  if (proxyConfig === undefined) return undefined
  try {
    // `@angular/build/private`: the loader Angular's dev server itself calls (no public equivalent).
    const { loadProxyConfiguration } = (await import('@angular/build/private')) as {
      loadProxyConfiguration: (root: string, file: string) => Promise<Record<string, unknown> | undefined>
    }
    return await loadProxyConfiguration(workspaceRoot, proxyConfig)
  } catch {
    return undefined
  }
}
