import type { CompilerLike } from './dev-server.ts'

/**
 * The compiler the dev server belongs to: for a multi-compiler the child with `devServer`, else the
 * first (as the dev servers choose). Its `context` and `mode` select the config and its env files,
 * and its infrastructure logger is where the adapter's lines go.
 */
export function findDevServerCompiler(compiler: CompilerLike | undefined): CompilerLike | undefined {
  const children = compiler?.compilers
  if (children === undefined) return compiler
  return children.find((child) => child.options.devServer) ?? children[0]
}

/**
 * The compilers a dev server serves, as the dev servers add their own client to them: a compiler, or
 * every child of a multi-compiler except those with `devServer: false`.
 */
export function toServedCompilers(compiler: CompilerLike | undefined): CompilerLike[] {
  if (compiler === undefined) return []
  if (compiler.compilers === undefined) return [compiler]
  return compiler.compilers.filter((child) => child.options.devServer !== false)
}
