import type { ReactNode } from 'react'
// oxlint-disable-next-line import/no-unassigned-import -- a stylesheet is imported for its effect: the page's styles
import '@page/styles.css'

export const metadata = { title: 'sameorigin · Next.js' }

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
