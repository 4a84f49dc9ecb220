import { describeSsrPage } from '../../specs/ssr-page.ts'

describeSsrPage('astro-app', { shows: (name) => `Logged in as ${name}`, anonymous: 'Not logged in (401)' })
