/** A promise the test resolves when it chooses: what makes an ordering assertion independent of time. */
export interface Gate {
  readonly opened: Promise<void>
  readonly open: () => void
}

/** A closed {@link Gate}; `open()` resolves `opened`. */
export function createGate(): Gate {
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { opened, open }
}
