import { describeSsrPage } from '../../specs/ssr-page.ts'

describeSsrPage('nuxt-app', { shows: (name) => name, anonymous: 'anonymous' })
