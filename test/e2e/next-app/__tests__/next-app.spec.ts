import { describeReactPage } from '../../specs/react-page.ts'

describeReactPage('next-app')
