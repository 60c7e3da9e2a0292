const appOrigin = 'http://app.invalid'

/**
 * The path to go back to after sign-in, if `value` is a path of this app: it starts with `/` and,
 * resolved as a browser would (which reads `/\evil` and `/\t/evil` as `//evil`), stays on the app's
 * origin. Anything else (`//evil`, `https://evil`, `javascript:…`, `dossier`) is `undefined`; the
 * path is returned as resolved.
 *
 * @example
 * ```ts
 * safeReturnTo('/dossier?id=3') // '/dossier?id=3'
 * safeReturnTo('//evil.example') // undefined
 * ```
 */
export function safeReturnTo(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/') || value.length > 2048) return undefined
  const resolved = new URL(value, appOrigin)
  if (resolved.origin !== appOrigin) return undefined
  return `${resolved.pathname}${resolved.search}${resolved.hash}`
}
