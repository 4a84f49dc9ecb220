import { describeReactPage } from '../../specs/react-page.ts'

// The page's panels are examples/vite-react's, written in Vue: the same spec.
describeReactPage('nuxt-app')
