import type { StorybookConfig } from '@storybook/react-webpack5'

// The webpack builder: `pnpm storybook:webpack`. The same addon, the same sameorigin.config.ts.
const config: StorybookConfig = {
  stories: ['../src/**/*.stories.tsx'],
  addons: ['@sameorigin/storybook', '@storybook/addon-webpack5-compiler-swc'],
  framework: '@storybook/react-webpack5',
  core: { disableTelemetry: true },
}

export default config
