/** The first and last lines of the part of `netlify.toml` the export owns. */
export const NETLIFY_BLOCK = {
  begin: '# --- sameorigin export netlify: begin ---',
  end: '# --- sameorigin export netlify: end ---',
} as const
