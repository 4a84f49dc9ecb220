import type { Meta, StoryObj } from '@storybook/react-vite'
import { UserCard } from './user-card.tsx'

const meta = {
  title: 'UserCard',
  component: UserCard,
} satisfies Meta<typeof UserCard>

export default meta

/** Click "Log in": the story logs in through /api on the Storybook origin and renders the user. */
export const LogIn: StoryObj<typeof meta> = {
  args: { user: 'ada' },
}
