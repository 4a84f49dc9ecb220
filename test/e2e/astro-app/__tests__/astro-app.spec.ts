import { describeReactPage } from '../../specs/react-page.ts'

// examples/astro-app's index page has the React examples' panels (as Astro components with client scripts).
describeReactPage('astro-app')
