import type { ReadonlyHeaderRecord } from '../../rewrite/types.ts'
import type { MockHandler } from '../../types.ts'

/** A folder of the mock folder, as listed: its sub-folders and files by name. */
export interface MockListing {
  readonly folders: ReadonlySet<string>
  readonly files: ReadonlySet<string>
}

/** A file to write into a folder of the mock folder. */
export interface MockWrite {
  readonly name: string
  readonly bytes: Uint8Array
}

/**
 * One mock folder, as a transport reads and writes it. Every path is a list of names below the
 * folder (checked with `isSafeName`); an implementation keeps every access inside the folder (the Node
 * one resolves real paths and refuses anything outside, symbolic links included).
 */
export interface MockFiles {
  /** The folder `segments`, or `undefined` when it does not exist (or is not inside). */
  readonly list: (segments: readonly string[]) => Promise<MockListing | undefined>
  /** A file's bytes, or `undefined` when it does not exist (or is not inside). */
  readonly read: (segments: readonly string[], name: string) => Promise<Uint8Array | undefined>
  /** Creates the folders and writes the files (each replaced whole, never half-written). */
  readonly write: (segments: readonly string[], files: readonly MockWrite[]) => Promise<void>
}

/**
 * What a transport can do for mocks beyond the pure decisions: read and write mock folders, load a
 * handler module, and decode a compressed body for a recording. The Node engine and the Fetch
 * transport's `node` entry have one; the runtime entry has none (only inline handlers work there).
 */
export interface MockIO {
  /** The mock folder at `dir` (relative paths from the working directory). */
  readonly files: (dir: string) => MockFiles
  /** The default export of the handler module at `file`, loaded afresh once per resolved config. */
  readonly loadHandler: (file: string) => Promise<MockHandler>
  /**
   * `body` decoded from `encoding` (`gzip`, `br`, `deflate`, or several, comma-separated), or
   * `undefined` when it cannot be or would exceed `limit` bytes.
   */
  readonly decode: (body: Uint8Array, encoding: string, limit: number) => Promise<Uint8Array | undefined>
}

/** An answer a mock gives, as an upstream would have sent it (before `planResponse`). */
export interface MockAnswer {
  readonly status: number
  readonly headers: ReadonlyHeaderRecord
  /** The whole body (a file), a stream (a handler's `Response`), or `null`. */
  readonly body: Uint8Array | ReadableStream<Uint8Array> | null
  /** What answered: the file's path below the mock folder (`api/users/42/GET.json`) or `handler`. */
  readonly source: string
}
