import { describeReactPage } from '../../specs/react-page.ts'

describeReactPage('rsbuild-react')
