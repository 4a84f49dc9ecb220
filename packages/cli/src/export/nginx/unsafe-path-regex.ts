/**
 * The request targets the engine refuses with 400 `ERR_REQUEST_PATH_UNSAFE`, as one case-insensitive
 * PCRE over nginx's `$request_uri` (the path as sent, before nginx decodes it): NUL and other encoded
 * control characters, a backslash raw or encoded, double encoding of a dot, slash, backslash or NUL, a
 * `%` not followed by two hex digits, an encoded slash joining a dot segment (`..%2F`, `%2F..`), and a
 * dot segment carrying a `;` parameter (`..;/`). Only the path is looked at, never the query.
 */
export const UNSAFE_PATH_REGEX =
  '^[^?]*(?:%00|%[01][0-9a-f]|%7f|%5c|\\\\|%25(?:2e|2f|5c|00)|%(?![0-9a-f]{2})|(?:^|/|%2f)(?:\\.|%2e){1,2}(?:%2f|;)|%2f(?:\\.|%2e){1,2}(?:[/;?]|%2f|$))'
