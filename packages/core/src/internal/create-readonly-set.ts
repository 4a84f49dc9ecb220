const sealed = new WeakSet<Set<unknown>>()

/** A Set whose `add`, `delete` and `clear` throw once built: `Object.freeze` does not stop them. */
class ReadonlySetImpl<T> extends Set<T> {
  override add(value: T): this {
    if (sealed.has(this))
      throw new TypeError('This set belongs to a resolved sameorigin config and cannot change.')
    return super.add(value)
  }

  override delete(value: T): boolean {
    if (sealed.has(this))
      throw new TypeError('This set belongs to a resolved sameorigin config and cannot change.')
    return super.delete(value)
  }

  override clear(): void {
    if (sealed.has(this))
      throw new TypeError('This set belongs to a resolved sameorigin config and cannot change.')
    super.clear()
  }
}

/** A frozen set of `values`: reading works as usual, every change throws a TypeError. */
export function createReadonlySet<T>(values: Iterable<T>): ReadonlySet<T> {
  const set = new ReadonlySetImpl(values)
  sealed.add(set)
  return Object.freeze(set)
}
