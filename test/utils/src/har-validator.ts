// har-schema is the HAR 1.2 spec as JSON Schema draft-06 (what har-validator uses); ajv 8 reads it
// with the draft-06 meta-schema added. The schema has keywords of its own (`optional`, `min`): strict
// mode off. Formats (date-time, ipv4, ipv6) from ajv-formats.
import { createRequire } from 'node:module'
import type { ValidateFunction } from 'ajv'

const require = createRequire(import.meta.url)
const Ajv = require('ajv').default as typeof import('ajv').default
const addFormats = require('ajv-formats').default as typeof import('ajv-formats').default
const schemas = require('har-schema') as Record<string, object>

/**
 * A validator of a whole HAR 1.2 file (`har.json#` of har-schema): `validate(har)` is `true` or
 * leaves the problems in `validate.errors`.
 * @example
 * const validate = harValidator()
 * expect(validate(har) ? [] : validate.errors).toEqual([])
 */
export function harValidator(): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true })
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object)
  addFormats(ajv)
  for (const schema of Object.values(schemas)) ajv.addSchema(schema)
  const validate = ajv.getSchema('har.json#')
  if (validate === undefined) throw new Error('har-schema has no har.json#')
  return validate
}
