import { readFileSync } from 'node:fs'

const read = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')

/** The test-only root CA (PEM) that signed {@link TEST_CERT}. Give it to a route as `ca`. */
export const TEST_CA: string = read('ca.pem')
/** A server certificate for localhost, *.sameorigin.test, 127.0.0.1 and ::1 (PEM, valid until 2126). */
export const TEST_CERT: string = read('cert.pem')
/** The private key of {@link TEST_CERT}. Test-only: it is public. */
export const TEST_KEY: string = read('key.pem')
