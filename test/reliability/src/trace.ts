interface Waiter {
  readonly wake: () => void
  readonly cancel: (reason: Error) => void
}

/**
 * What happened during one case, on both sides, in order: the upstream notes what reached it
 * (`upstream:aborted`), the client what it saw (`client:first-byte`). Either side can wait for the
 * other, so a fault happens at a known point ("reset after the browser got the first bytes") without
 * sleeping.
 */
export class Trace {
  readonly #events: string[] = []
  readonly #waiters = new Map<string, Waiter[]>()

  /** Every event noted since the last {@link reset}, in order. */
  get events(): readonly string[] {
    return this.#events
  }

  /** Records `event` and wakes whoever waits for it. */
  note(event: string): void {
    this.#events.push(event)
    const waiters = this.#waiters.get(event) ?? []
    this.#waiters.delete(event)
    for (const waiter of waiters) waiter.wake()
  }

  /** Whether `event` was noted since the last {@link reset}. */
  has(event: string): boolean {
    return this.#events.includes(event)
  }

  /**
   * Resolves once `event` is (or was already) noted; rejects after `ms` with what was seen instead,
   * a bound that turns a hang into a readable failure, or when the case ends first ({@link reset}).
   */
  until(event: string, ms = 10_000): Promise<void> {
    if (this.has(event)) return Promise.resolve()
    return new Promise((resolve, reject) => {
      const waiters = this.#waiters.get(event) ?? []
      const waiter: Waiter = {
        wake: () => {
          clearTimeout(timer)
          resolve()
        },
        cancel: (reason) => {
          clearTimeout(timer)
          reject(reason)
        },
      }
      const timer = setTimeout(() => {
        const left = this.#waiters.get(event)?.filter((other) => other !== waiter) ?? []
        if (left.length > 0) this.#waiters.set(event, left)
        else this.#waiters.delete(event)
        const seen = this.#events.join(', ') || 'nothing'
        reject(new Error(`"${event}" did not happen within ${ms} ms; seen: ${seen}`))
      }, ms)
      waiters.push(waiter)
      this.#waiters.set(event, waiters)
    })
  }

  /**
   * Starts a new case: forgets the events so far, and fails every wait still pending, so an upstream
   * handler of the previous case never acts on an event of the next one.
   */
  reset(): void {
    this.#events.splice(0)
    const pending = [...this.#waiters.values()].flat()
    this.#waiters.clear()
    for (const waiter of pending) waiter.cancel(new Error('the case ended first'))
  }
}
