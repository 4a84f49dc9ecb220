import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { findClosedLoopbackPort } from './listen.ts'
import { stopChild } from './stop-child.ts'
import { waitForPort } from './wait-for-port.ts'

/** Where Debian installs nginx (`apt-get install nginx-light`). */
export const NGINX_PATH: string = process.env.NGINX_PATH ?? '/usr/sbin/nginx'

/** A running nginx. */
export interface StartedNginx {
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  readonly port: number
  /** The folder nginx runs in (its prefix): the config, logs and temporary files. */
  readonly dir: string
  /** What nginx wrote to its standard error so far. */
  readonly output: () => string
  /** What nginx wrote to its error log so far. */
  readonly errorLog: () => Promise<string>
  /** Stops nginx (SIGTERM, then SIGKILL after 5 s), waits for it to exit and removes the folder. */
  readonly close: () => Promise<void>
}

/** What {@link startNginx} runs. */
export interface StartNginxOptions {
  /**
   * The http-context config (what `/etc/nginx/conf.d/*.conf` holds) for the port nginx must listen on
   * and the folder it runs in.
   */
  readonly config: (port: number, dir: string) => string | NginxFiles
}

/** A config with more files written beside it (paths relative to the folder), such as certificates. */
export interface NginxFiles {
  readonly config: string
  readonly files: Readonly<Record<string, string>>
}

/**
 * Starts the real nginx on 127.0.0.1 with `config` inside a minimal main config (`events {}`,
 * `http { include ... }`), in a fresh world-readable temporary folder that holds its pid file, logs and
 * temporary paths, in the foreground (`daemon off`). nginx cannot listen on port 0, so a free port is
 * found first (bound and released) and handed to `config`. Resolves once the port accepts connections;
 * rejects with nginx's own words when it does not start. Throws if nginx is not installed: callers
 * check {@link NGINX_PATH} first and skip with a message.
 */
export async function startNginx(options: StartNginxOptions): Promise<StartedNginx> {
  const dir = await mkdtemp(join(tmpdir(), 'sameorigin-nginx-'))
  // The workers run as an unprivileged user: they must read the folder (mkdtemp makes it 0700).
  await chmod(dir, 0o755)
  await mkdir(join(dir, 'logs'))
  const port = await findClosedLoopbackPort()
  const given = options.config(port, dir)
  const site = typeof given === 'string' ? { config: given, files: {} } : given
  const files = { ...site.files, 'site.conf': site.config, 'nginx.conf': mainConfig(dir) }
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true })
    await writeFile(join(dir, name), content, { mode: 0o644 })
  }
  const child = spawn(
    NGINX_PATH,
    ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log'), '-g', 'daemon off;'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  )
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const errorLog = async (): Promise<string> => readFile(join(dir, 'error.log'), 'utf8').catch(() => '')
  const close = async (): Promise<void> => {
    await stopChild(child)
    await rm(dir, { recursive: true, force: true })
  }
  try {
    await waitForPort(port, child)
  } catch (error) {
    const log = await errorLog()
    await close()
    throw new Error(`nginx did not start: ${(error as Error).message}\n${stderr}${log}`, { cause: error })
  }
  return { url: `http://127.0.0.1:${port}`, port, dir, output: () => stderr, errorLog, close }
}

/** The MIME types nginx's packages install beside their main config. */
const MIME_TYPES = '/etc/nginx/mime.types'

/**
 * The main config around the site: like a packaged nginx's (`events`, `http` with the MIME types),
 * with every path it writes inside `dir`.
 */
function mainConfig(dir: string): string {
  return `worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} info;
events { worker_connections 1024; }
http {
  # What the main config of Debian's package and of the official image both have: the exported
  # file is written for their conf.d/, and serves the app's files with these types.
  include ${MIME_TYPES};
  default_type application/octet-stream;
  access_log ${join(dir, 'access.log')};
  client_body_temp_path ${join(dir, 'client_body')};
  proxy_temp_path ${join(dir, 'proxy')};
  fastcgi_temp_path ${join(dir, 'fastcgi')};
  uwsgi_temp_path ${join(dir, 'uwsgi')};
  scgi_temp_path ${join(dir, 'scgi')};
  include ${join(dir, 'site.conf')};
}
`
}

/** Whether nginx is installed where {@link NGINX_PATH} says. */
export const HAS_NGINX: boolean = existsSync(NGINX_PATH)
