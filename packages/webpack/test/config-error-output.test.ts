// A config mistake, as `webpack serve` (webpack-dev-server 5 and 6) and `rspack serve` print it: the
// dev server does not start, and the CLI prints every problem with its fix and exits, as `vite` does.
// It used to start anyway, print the problems under its URLs and answer every request with a 500.
import { describe, expect, it } from 'vitest'
import type { CliKind } from './_cli.ts'
import { CLI_KINDS, startCli } from './_cli.ts'

const BAD_CONFIG = `config = {
  devServer: { host: '127.0.0.1', port: 0 },
  plugins: [new SameOriginPlugin({ routes: { '/api': 'localhost:8080' } })],
}`
const BAD_FILE =
  "export default { routes: { '/auth': { target: 'http://127.0.0.1:9', changeOrgin: true } } }\n"

describe.each(CLI_KINDS)('a bad sameorigin config in %s serve', (kind: CliKind) => {
  it('stops the start with every problem and its fix printed', async () => {
    const failure: unknown = await startCli(kind, {
      config: BAD_CONFIG,
      files: { 'sameorigin.config.mjs': BAD_FILE },
    }).then(
      async (cli) => {
        await cli.stop()
        return undefined
      },
      (error: unknown) => error,
    )
    const output = String((failure as Error | undefined)?.message)
    expect(output).toMatch(new RegExp(`${kind} exited \\(2\\) before it was ready`))
    expect(output).toContain('ERR_CONFIG_INVALID')
    expect(output).toMatch(/Invalid sameorigin config \(.+sameorigin\.config\.mjs\), 2 problems:/)
    expect(output).toContain("routes['/api']: 'localhost:8080' has no http:// or https:// scheme")
    expect(output).toContain("fix: '/api': 'http://localhost:8080'")
    expect(output).toContain("routes['/auth'].changeOrgin: is not a route option")
    expect(output).toContain('fix: changeOrigin: true')
    expect(output).toContain('run: sameorigin explain ERR_CONFIG_INVALID')
    // Once, and without a stack (the CLIs print the ProxyError through util.inspect).
    expect(output.split("routes['/auth'].changeOrgin").length - 1).toBe(1)
    expect(output).not.toMatch(/\n\s+at /)
    // Nothing was routed: the route table is never printed.
    expect(output).not.toContain('routes (first match wins)')
  })
})
