/** Whether a Vite HMR message has the given `type` (`connected`, `update`, `full-reload`). */
export function isHmrMessage(type: string): (message: string) => boolean {
  return (message) => (JSON.parse(message) as { type?: string }).type === type
}
