import type { ReactNode } from 'react'
import { Links, Meta, Outlet, Scripts, ScrollRestoration } from 'react-router'
import stylesHref from '@page/styles.css?url'

export const links = () => [{ rel: 'stylesheet', href: stylesHref }]

export function Layout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>sameorigin · React Router</title>
        {/* In development, the page reports calls to other origins the browser blocks (sameorigin's terminal
            warning and inspector entry). React Router renders pages itself, so the plugin cannot add it. */}
        {import.meta.env.DEV && <script src="/__sameorigin/report-client.js" />}
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}
