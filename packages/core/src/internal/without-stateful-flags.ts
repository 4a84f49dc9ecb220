/**
 * `g` and `y` make `test`/`exec` stateful (`lastIndex`): the same path would match, then not, on
 * alternate requests. The copy also keeps the caller's RegExp untouched.
 */
export function withoutStatefulFlags(regexp: RegExp): RegExp {
  return new RegExp(regexp.source, regexp.flags.replace(/[gy]/g, ''))
}
