import type { StorybookConfig } from '@storybook/react-vite'

// The Vite builder: `pnpm storybook`. The addon mounts sameorigin on Storybook's own dev server, so
// the stories call /api on the Storybook origin.
const config: StorybookConfig = {
  stories: ['../src/**/*.stories.tsx'],
  addons: ['@sameorigin/storybook'],
  framework: '@storybook/react-vite',
  core: { disableTelemetry: true },
}

export default config
