import type { UserConfig } from '@sameorigin/core'

/** What a host may or may not be able to do. Scenarios that need one declare it (`requires`). */
export type Capability = 'ws' | 'hmr'

/**
 * Per capability: `true` when the host has it, else the reason it has not. The reason is shown as a
 * footnote in the README's capability table, so write it for users.
 */
export type Capabilities = Readonly<Record<Capability, true | string>>

/** One line the adapter (or the host) logged. */
export interface LogLine {
  readonly level: 'info' | 'warn' | 'error'
  readonly message: string
}

/** What the adapter logged while a host ran, for assertions such as "a logged ERR_UPSTREAM_UNREACHABLE". */
export interface CapturedLogs {
  readonly lines: LogLine[]
  /** Every line's message, joined by newlines. */
  readonly text: () => string
  /** Forgets the lines so far (called before each test, so a test sees only its own). */
  readonly clear: () => void
}

/** A host's HMR websocket: where its client connects, and how its messages say "connected" and "reload". */
export interface HmrSocket {
  /** The URL a browser would open. */
  readonly url: string
  /** The subprotocol its client asks for (Vite: `vite-hmr`); `''` or none: no subprotocol. */
  readonly protocol?: string
  /**
   * The `type` of the first message after connecting, and of the one that reloads the page when a
   * static file changes.
   * @default Vite's: `{ connected: 'connected', reload: 'full-reload' }`
   */
  readonly messages?: { readonly connected: string; readonly reload: string }
}

/** A running host: a dev server with sameorigin mounted, listening on 127.0.0.1. */
export interface StartedHost {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string
  readonly port: number
  /** The directory the host serves (a fresh copy of the fixture for Vite hosts). */
  readonly root: string
  readonly logs: CapturedLogs
  /** The host's own HMR websocket, when it has one (what its client script opens). */
  readonly hmr?: HmrSocket
  /** Stops the server, closes every connection and removes what `start` created. */
  readonly close: () => Promise<void>
}

/** What `hosts/<name>.ts` declares. */
export interface HostDefinition {
  /** kebab-case, used in test titles, `CONFORMANCE_HOSTS`, `.results/<name>.json` and the table. */
  readonly name: string
  readonly capabilities: Capabilities
  /** Starts the host on 127.0.0.1 (a random port) serving `fixtureDir`, with sameorigin configured by `config`. */
  readonly start: (fixtureDir: string, config: UserConfig) => Promise<StartedHost>
}

/** A host definition plus the questions scenarios ask it. */
export interface Host extends HostDefinition {
  readonly supports: (capability: Capability) => boolean
}

/** Turns a declaration into a {@link Host}. */
export function defineHost(definition: HostDefinition): Host {
  return {
    ...definition,
    supports: (capability) => definition.capabilities[capability] === true,
  }
}
