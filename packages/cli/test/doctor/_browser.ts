// Real Chromium (Debian's, driven by playwright-core) with pages on four origins: the usual loopback
// dev server, a "public" http origin, a "public" https origin (Chromium's own flags make the loopback
// servers count as public, so Local Network Access applies) and an https loopback origin (mixed
// content). Each origin is a real server on 127.0.0.1 port 0.
import { createServer as createHttpServer } from 'node:http'
import type { RequestListener } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { CHROMIUM_ARGS, findChromium, listen, TEST_CERT, TEST_KEY } from '@sameorigin/test-utils'
import type { Listening } from '@sameorigin/test-utils'
import { chromium } from 'playwright-core'
import type { Browser, Page } from 'playwright-core'

/** The name every `*.sameorigin.test` host resolves to inside Chromium (TEST_CERT covers it). */
export const PUBLIC_HOST = 'public.sameorigin.test'

/** Where a page lives. */
export type PageKind = 'loopback' | 'public-http' | 'public-https' | 'https-loopback'

/** What a `fetch()` in the page ended with. */
export interface BrowserOutcome {
  /** True when `fetch()` resolved (the page could read the response). */
  readonly resolved: boolean
  readonly status?: number
  /** The response headers the page can read (`[...response.headers.keys()]`). */
  readonly readable?: readonly string[]
  readonly error?: string
  /** What Chromium logged on the console (the CORS reason is only there). */
  readonly console: readonly string[]
}

/** A request as a page makes it. */
export interface PageRequest {
  readonly method: string
  readonly headers: readonly (readonly [string, string])[]
  readonly credentials: 'include' | 'omit'
}

/** The browser with one page per origin. */
export interface BrowserPages {
  readonly origins: Readonly<Record<PageKind, string>>
  /** Runs `fetch(url, request)` in the page of `kind`; `granted` uses a context that allowed Local Network Access. */
  fetch: (
    kind: PageKind,
    url: string,
    request: PageRequest,
    options?: { granted?: boolean },
  ) => Promise<BrowserOutcome>
  close: () => Promise<void>
}

const PAGE: RequestListener = (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>dev server</title>')
}

async function fetchIn(page: Page, target: string, request: PageRequest): Promise<BrowserOutcome> {
  const messages: string[] = []
  const onConsole = (message: { text: () => string }): void => void messages.push(message.text())
  page.on('console', onConsole)
  try {
    const result = await page.evaluate(
      async ({ url, init }) => {
        try {
          const response = await fetch(url, init)
          await response.arrayBuffer()
          return { resolved: true, status: response.status, readable: [...response.headers.keys()] }
        } catch (error) {
          return { resolved: false, error: String(error) }
        }
      },
      {
        url: target,
        init: {
          method: request.method,
          headers: request.headers.map(([name, value]) => [name, value] as [string, string]),
          credentials: request.credentials,
        },
      },
    )
    return { ...result, console: messages }
  } finally {
    page.off('console', onConsole)
  }
}

/** Starts the four dev servers and Chromium. */
export async function startBrowser(): Promise<BrowserPages> {
  const executablePath = findChromium()
  const servers: Listening[] = []
  let browser: Browser | undefined
  try {
    const loopback = await listen(createHttpServer(PAGE))
    servers.push(loopback)
    const publicHttp = await listen(createHttpServer(PAGE))
    servers.push(publicHttp)
    const publicHttps = await listen(createHttpsServer({ cert: TEST_CERT, key: TEST_KEY }, PAGE))
    servers.push(publicHttps)
    const httpsLoopback = await listen(createHttpsServer({ cert: TEST_CERT, key: TEST_KEY }, PAGE))
    servers.push(httpsLoopback)
    const origins: Record<PageKind, string> = {
      loopback: loopback.url,
      'public-http': `http://${PUBLIC_HOST}:${publicHttp.port}`,
      'public-https': `https://${PUBLIC_HOST}:${publicHttps.port}`,
      'https-loopback': httpsLoopback.url,
    }
    browser = await chromium.launch({
      executablePath,
      args: [
        ...CHROMIUM_ARGS,
        // *.sameorigin.test → 127.0.0.1 inside Chromium only; doctor cannot resolve these names.
        '--host-resolver-rules=MAP *.sameorigin.test 127.0.0.1',
        // Chromium's own switch for testing Local Network Access: these two servers count as public.
        `--ip-address-space-overrides=127.0.0.1:${publicHttp.port}=public,127.0.0.1:${publicHttps.port}=public`,
      ],
    })
    // The https dev servers use the test CA, which Chromium does not know.
    const plain = await browser.newContext({ ignoreHTTPSErrors: true })
    const granted = await browser.newContext({ ignoreHTTPSErrors: true })
    await granted.grantPermissions(['local-network-access'], { origin: origins['public-https'] })
    const pages = new Map<string, Page>()
    for (const [kind, origin] of Object.entries(origins)) {
      const page = await plain.newPage()
      await page.goto(`${origin}/`)
      pages.set(kind, page)
    }
    const grantedPage = await granted.newPage()
    await grantedPage.goto(`${origins['public-https']}/`)
    const opened = browser
    return {
      origins,
      fetch: (kind, url, request, options = {}) => {
        const page = options.granted === true ? grantedPage : pages.get(kind)
        if (page === undefined) throw new Error(`no page for ${kind}`)
        return fetchIn(page, url, request)
      },
      close: async () => {
        await opened.close()
        await Promise.all(servers.map((server) => server.close()))
      },
    }
  } catch (error) {
    await browser?.close()
    await Promise.all(servers.map((server) => server.close()))
    throw error
  }
}
