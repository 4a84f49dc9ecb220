import type { ResolvedConfig } from '@sameorigin/core'

/** The production targets `sameorigin export` writes for. */
export type ExportTargetName = 'nginx' | 'caddy' | 'cloudflare' | 'vercel' | 'netlify'

/** What every target's renderer is given. */
export interface ExportInput {
  /** The routes, resolved in the export's mode (`.env.production` supplies the targets by default). */
  readonly config: ResolvedConfig
  /** The public origin the app is served on in production (`https://app.example.com`). */
  readonly origin: URL
  /**
   * The app's built files (`dist`), as the user wrote it (relative to the folder the command ran in),
   * when the target serves them; `undefined`: the routes only.
   */
  readonly staticDir: string | undefined
  /**
   * The port the server listens on, where the target runs a server (nginx, Caddy); `undefined`: the
   * target's default (the origin's port, or 80 / 443).
   */
  readonly listen: number | undefined
  /** The mode the config was read in (`production`). */
  readonly mode: string
  /** The command that regenerates the output, for the header comment (`sameorigin export nginx ...`). */
  readonly command: string
  /**
   * The current text of the files the target merges into ({@link ExportTarget.merges}), by path;
   * a path is absent when there is no such file. Read by the command, so `render` stays pure.
   */
  readonly existing?: Readonly<Record<string, string>>
}

/**
 * Something the config does that the target cannot express. Never dropped silently: printed by the
 * command and written as a comment in the output.
 */
export interface ExportLoss {
  /** The route, as its key is written (`/api`), or `undefined` for the whole config. */
  readonly route: string | undefined
  /** What is lost, in the config's words: `Set-Cookie rewriting (cookies)`. */
  readonly behaviour: string
  /** Why the target cannot, in one sentence. */
  readonly why: string
  /** What to do instead, when something can (`sameorigin export cloudflare`, an edge function). */
  readonly instead?: string
}

/** One file the export writes, relative to the output folder. */
export interface ExportFile {
  readonly path: string
  readonly content: string
}

/** A target's result: the files (the first is the main one) and what they cannot do. */
export interface ExportOutput {
  readonly files: readonly ExportFile[]
  readonly losses: readonly ExportLoss[]
}

/** One production target. */
export interface ExportTarget {
  readonly name: ExportTargetName
  /** One line for `--help`: what is written and how it is used. */
  readonly description: string
  /**
   * Files the user may already have with settings of their own (`vercel.json`): their current text
   * is given to `render` as `existing`, which keeps what the export does not own.
   */
  readonly merges?: readonly string[]
  /** Pure: the same input gives the same bytes (so `--check` can compare). */
  readonly render: (input: ExportInput) => ExportOutput
}
