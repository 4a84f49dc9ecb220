/** What every host's start function receives. */
export interface StartDevServerOptions {
  /** The app's folder (an example): its config files are the ones the dev server loads. */
  root: string
  /** Receives every line the dev server logs. */
  log: (line: string) => void
}

/** A running dev server. */
export interface DevServer {
  /** Its origin, e.g. `http://localhost:41234`: the page's origin in the browser. */
  url: string
  close: () => Promise<void>
}

export type StartDevServer = (options: StartDevServerOptions) => Promise<DevServer>
