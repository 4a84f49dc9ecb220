import { describeReactPage } from '../../specs/react-page.ts'
import { describeSsrPage } from '../../specs/ssr-page.ts'

describeReactPage('sveltekit-app')
describeSsrPage('sveltekit-app', { shows: (name) => name, anonymous: 'anonymous' })
