import type { ConfigIssue } from '../types.ts'
import { describeValue } from '../internal/describe-value.ts'
import { didYouMean } from '../internal/did-you-mean.ts'
import { createIssue } from './create-issue.ts'

const MOCK_KEYS = ['dir', 'handler', 'mode', 'statuses', 'keepSecrets']
const MOCK_MODES = ['fallback', 'always', 'record']

/**
 * Checks a route's `mock`: a folder path, or `{ dir?, handler?, mode?, statuses?, keepSecrets? }`
 * with at least a folder or a handler (`'record'` needs the folder). Every problem, each with its
 * path and an example fix.
 */
export function validateMock(value: unknown, path: string): ConfigIssue[] {
  if (typeof value === 'string')
    return value.trim() === '' ? [issue(path, 'is an empty folder path', "mock: './mocks'")] : []
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [
      issue(path, `must be a folder path or mock options, got ${describeValue(value)}`, "mock: './mocks'"),
    ]
  const mock = value as Record<string, unknown>
  const issues: ConfigIssue[] = []
  for (const key of Object.keys(mock)) {
    if (MOCK_KEYS.includes(key) || mock[key] === undefined) continue
    const guess = didYouMean(key, MOCK_KEYS)
    const message =
      guess === undefined ? 'is not a mock option' : `is not a mock option; did you mean \`${guess}\`?`
    const fix = guess === undefined ? `one of: ${MOCK_KEYS.join(', ')}` : `${guess}: …`
    issues.push(createIssue('ERR_RULE_KEY_UNKNOWN', `${path}.${key}`, message, fix))
  }
  const { dir, handler, mode, statuses, keepSecrets } = mock
  if (dir !== undefined && (typeof dir !== 'string' || dir.trim() === ''))
    issues.push(issue(`${path}.dir`, `must be a folder path, got ${describeValue(dir)}`, "dir: './mocks'"))
  if (
    handler !== undefined &&
    typeof handler !== 'function' &&
    (typeof handler !== 'string' || handler.trim() === '')
  ) {
    const message = `must be a function or the path of a module exporting one, got ${describeValue(handler)}`
    issues.push(issue(`${path}.handler`, message, "handler: './mocks/handler.ts'"))
  }
  if (dir === undefined && handler === undefined)
    issues.push(issue(path, 'needs a folder (`dir`) or a `handler`', "mock: { dir: './mocks' }"))
  if (mode !== undefined && (typeof mode !== 'string' || !MOCK_MODES.includes(mode))) {
    const guess = typeof mode === 'string' ? didYouMean(mode, MOCK_MODES) : undefined
    const known = MOCK_MODES.map((name) => `'${name}'`).join(', ')
    issues.push(
      issue(
        `${path}.mode`,
        `must be one of ${known}, got ${describeValue(mode)}`,
        `mode: '${guess ?? 'fallback'}'`,
      ),
    )
  }
  if (mode === 'record' && dir === undefined)
    issues.push(
      issue(`${path}.dir`, "is needed by mode 'record': recordings are saved there", "dir: './mocks'"),
    )
  if (statuses !== undefined) issues.push(...validateStatuses(statuses, `${path}.statuses`))
  if (keepSecrets !== undefined && typeof keepSecrets !== 'boolean')
    issues.push(
      issue(
        `${path}.keepSecrets`,
        `must be true or false, got ${describeValue(keepSecrets)}`,
        'keepSecrets: true',
      ),
    )
  return issues
}

function issue(at: string, message: string, fix: string): ConfigIssue {
  return createIssue('ERR_RULE_OPTION_INVALID', at, message, fix)
}

function validateStatuses(value: unknown, path: string): ConfigIssue[] {
  const fix = 'statuses: [502, 503, 504]'
  if (!Array.isArray(value))
    return [
      createIssue(
        'ERR_RULE_OPTION_INVALID',
        path,
        `must be a list of statuses, got ${describeValue(value)}`,
        fix,
      ),
    ]
  return value.flatMap((status: unknown, i) =>
    typeof status === 'number' && Number.isInteger(status) && status >= 200 && status <= 599
      ? []
      : [
          createIssue(
            'ERR_RULE_OPTION_INVALID',
            `${path}[${i}]`,
            `must be an HTTP status from 200 to 599, got ${describeValue(status)}`,
            typeof status === 'string' && /^\d{3}$/.test(status) ? status : '503',
          ),
        ],
  )
}
