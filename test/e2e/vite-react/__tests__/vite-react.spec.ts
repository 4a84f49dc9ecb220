import { describeReactPage } from '../../specs/react-page.ts'

describeReactPage('vite-react')
