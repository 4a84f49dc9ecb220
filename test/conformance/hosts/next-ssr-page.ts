import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/** The root layout the App Router needs once the app has a page. */
const LAYOUT = `export default function RootLayout({ children }) {
  return <html lang="en"><body>{children}</body></html>
}
`

/**
 * `/ssr` (the `ssr` scenario): a Server Component fetching `/api/me` with `serverFetch` and the
 * browser's cookies (Next's `cookies()`), as the package README shows it.
 */
const PAGE = `import { cookies } from 'next/headers'
import { serverFetch } from '@sameorigin/next/route'
import ClientUser from './client-user.js'

export const dynamic = 'force-dynamic'

export default async function Page() {
  const cookie = (await cookies()).toString()
  const me = await serverFetch('/api/me', cookie === '' ? {} : { headers: { cookie } })
  const name = me.ok ? (await me.json()).name : 'anonymous'
  return <main><p id="ssr-user">{name}</p><ClientUser /></main>
}
`

/** The browser's own call once hydrated. */
const CLIENT = `'use client'
import { useEffect, useState } from 'react'

export default function ClientUser() {
  const [name, setName] = useState('')
  useEffect(() => {
    fetch('/api/me').then(async (me) => setName(me.ok ? (await me.json()).name : 'anonymous'))
  }, [])
  return <p id="client-user">{name}</p>
}
`

/** Writes the layout and the `/ssr` page into a Next app at `root`. */
export async function writeSsrPage(root: string): Promise<void> {
  await mkdir(join(root, 'app', 'ssr'), { recursive: true })
  await writeFile(join(root, 'app', 'layout.js'), LAYOUT)
  await writeFile(join(root, 'app', 'ssr', 'page.js'), PAGE)
  await writeFile(join(root, 'app', 'ssr', 'client-user.js'), CLIENT)
}
