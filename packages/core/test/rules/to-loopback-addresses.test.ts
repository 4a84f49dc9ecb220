import { describe, expect, it } from 'vitest'
import { isLocalhostName, toLoopbackAddresses } from '../../src/rules/to-loopback-addresses.ts'

describe('toLoopbackAddresses', () => {
  it.each(['localhost', 'localhost.', 'api.localhost', 'a.b.localhost.'])(
    '%s → both loopback addresses',
    (name) => {
      expect(toLoopbackAddresses(name)).toEqual(['127.0.0.1', '::1'])
      expect(isLocalhostName(name)).toBe(true)
    },
  )

  it.each(['127.0.0.1', '[::1]', 'example.com', 'localhost.example.com', 'mylocalhost', 'localhostx'])(
    '%s → resolved as usual',
    (name) => {
      expect(toLoopbackAddresses(name)).toBeUndefined()
      expect(isLocalhostName(name)).toBe(false)
    },
  )
})
