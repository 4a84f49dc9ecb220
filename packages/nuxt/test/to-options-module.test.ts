import { describe, expect, it } from 'vitest'
import { toOptionsModule } from '../src/to-options-module.ts'

/** Evaluates the module's source as Nitro would import it. */
async function load(source: string): Promise<unknown> {
  const module = (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as { default: unknown }
  return module.default
}

describe('toOptionsModule', () => {
  it('writes the options, the host and dev as data, RegExps as RegExps', async () => {
    const source = toOptionsModule(
      { routes: { '/api': { target: 'http://b', matchHeaders: { accept: /json/i } } }, configFile: false },
      { root: '/app', mode: 'development', production: false, allowedHosts: ['.example.test'] },
      true,
    )
    expect(await load(source)).toEqual({
      dev: true,
      proxy: {
        root: '/app',
        mode: 'development',
        production: false,
        allowedHosts: ['.example.test'],
        routes: { '/api': { target: 'http://b', matchHeaders: { accept: /json/i } } },
        configFile: false,
      },
    })
  })

  it('throws on a function, naming where it is and the fix', () => {
    expect(() =>
      toOptionsModule({ routes: { '/api': { target: 'http://b', headers: () => ({}) } } }, {}, true),
    ).toThrow(/sameorigin\.routes\.\/api\.headers is a function.*Move this route to sameorigin\.config\.ts/)
  })
})
