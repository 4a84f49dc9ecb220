import { describeReactPage } from '../../specs/react-page.ts'
import { describeSsrPage } from '../../specs/ssr-page.ts'

describeReactPage('react-router-app')
describeSsrPage('react-router-app', { shows: (name) => name, anonymous: 'not logged in' })
