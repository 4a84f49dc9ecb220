// `storybook dev` (Storybook 9, Vite builder) with the addon: the login story in Chromium, websockets, SSE, byte-transparent
// answers, a backend down, a live config edit, Storybook's channel and HMR (see _describe-storybook.ts).
import { describeStorybook } from './_describe-storybook.ts'

describeStorybook('vite-9')
