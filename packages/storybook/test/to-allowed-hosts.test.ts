import { describe, expect, it } from 'vitest'
import { toAllowedHosts } from '../src/to-allowed-hosts.ts'

describe('toAllowedHosts', () => {
  it.each([
    ['no list, no --host', undefined, undefined, []],
    ['core.allowedHosts', { allowedHosts: ['dev.example'] }, undefined, ['dev.example']],
    ['--host adds its name', { allowedHosts: ['dev.example'] }, 'box.lan', ['dev.example', 'box.lan']],
    ['core.allowedHosts: true', { allowedHosts: true as const }, undefined, true],
    ['--host 0.0.0.0 without a list', undefined, '0.0.0.0', true],
    ['--host 0.0.0.0 with a list', { allowedHosts: ['dev.example'] }, '0.0.0.0', ['dev.example', '0.0.0.0']],
  ])('%s', (_title, core, host, expected) => {
    expect(toAllowedHosts(core, host)).toEqual(expected)
  })
})
