// Writes dist/schema.json, the schema of `@sameorigin/angular:dev-server`: the installed
// `@angular/build:dev-server` schema's options (so `ng serve --port 4300` and every other flag of
// Angular's builder work under this one) plus `sameoriginConfig`. Run by `build`; the package test
// checks it against the installed @angular/build. Options an @angular/build newer than this one adds
// still pass from angular.json (`additionalProperties`): the builder validates them with the
// installed Angular's own schema.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const require = createRequire(import.meta.url)
const angularManifest = require.resolve('@angular/build/package.json')
const { version } = JSON.parse(readFileSync(angularManifest, 'utf8'))
const angular = JSON.parse(
  readFileSync(join(dirname(angularManifest), 'src/builders/dev-server/schema.json'), 'utf8'),
)

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema',
  title: 'sameorigin dev server',
  description: `Angular's dev-server builder (@angular/build:dev-server, options as of ${version}) with sameorigin's routes.`,
  type: 'object',
  properties: {
    ...angular.properties,
    sameoriginConfig: {
      type: 'string',
      description:
        "The sameorigin config file, relative to the project's root. Default: the nearest sameorigin.config.* from the project's root up to the workspace root.",
    },
  },
  // Options of a newer @angular/build than the one above: the builder has Angular's schema check them.
  additionalProperties: true,
  required: angular.required ?? [],
}

const out = join(here, '../dist/schema.json')
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, `${JSON.stringify(schema, null, 2)}\n`)
