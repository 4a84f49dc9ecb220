import { describeReactPage } from '../../specs/react-page.ts'

describeReactPage('webpack-react')
