/** See select-host-group.mjs. */
export declare function selectHostGroup(env?: Readonly<Record<string, string | undefined>>): {
  readonly base: boolean
  readonly frameworks: boolean
}
