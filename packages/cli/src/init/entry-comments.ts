import type { Node } from './ast.ts'
import { walk } from './ast.ts'

interface Comment {
  readonly type: 'CommentLine' | 'CommentBlock'
  readonly value: string
  readonly start?: number | null
}

const COMMENT_KEYS = ['comments', 'leadingComments', 'trailingComments', 'innerComments'] as const

/**
 * Every comment written in or around a proxy entry (before its key, inside its options, after its
 * comma), in source order, as written: `// …` or `/* … *\/`. Moving the entry keeps them beside the
 * route it becomes.
 */
export function collectComments(node: Node): string[] {
  const found = new Set<Comment>()
  walk(node, (child) => {
    for (const key of COMMENT_KEYS) {
      const list = (child as unknown as Record<string, unknown>)[key]
      if (!Array.isArray(list)) continue
      for (const comment of list as Comment[]) {
        if (comment.type === 'CommentLine' || comment.type === 'CommentBlock') found.add(comment)
      }
    }
  })
  return [...found]
    .toSorted((a, b) => (a.start ?? 0) - (b.start ?? 0))
    .map((comment) => (comment.type === 'CommentLine' ? `//${comment.value}` : `/*${comment.value}*/`))
}

/**
 * Comments as text that may go anywhere in a list, even one written on one line: line comments become
 * block comments there.
 */
export function toInlineComments(comments: readonly string[]): string {
  return comments
    .map((comment) =>
      comment.startsWith('//') ? `/*${comment.slice(2).replaceAll('*/', '* /')} */` : comment,
    )
    .map((comment) => `${comment} `)
    .join('')
}
