import { describe, expect, it } from 'vitest'
import { toLocalUrl } from '../../src/host/to-local-url.ts'

describe('toLocalUrl', () => {
  it('prints every interface as localhost, IPv6 in brackets, any other host as it is', () => {
    expect(toLocalUrl({ https: false, host: '0.0.0.0', port: 5173 })).toBe('http://localhost:5173/')
    expect(toLocalUrl({ https: false, host: '::', port: 5173 })).toBe('http://localhost:5173/')
    expect(toLocalUrl({ https: false, host: '', port: 3000 })).toBe('http://localhost:3000/')
    expect(toLocalUrl({ https: true, host: '::1', port: 8443 })).toBe('https://[::1]:8443/')
    expect(toLocalUrl({ https: false, host: '127.0.0.1', port: 8080 })).toBe('http://127.0.0.1:8080/')
    expect(toLocalUrl({ https: false, host: 'dev.test', port: 8080 })).toBe('http://dev.test:8080/')
  })
})
