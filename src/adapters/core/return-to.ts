/**
 * The path to go back to after sign-in, if `value` is a path of this app: it starts with one `/`,
 * holds no backslash or control character (browsers read `/\evil` and `/\t/evil` as `//evil`), and
 * stays on the app's origin once resolved. Anything else (`//evil`, `https://evil`) is `undefined`.
 *
 * @example
 * ```ts
 * safeReturnTo('/dossier?id=3') // '/dossier?id=3'
 * safeReturnTo('//evil.example') // undefined
 * ```
 */
export function safeReturnTo(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) return undefined
  if (!value.startsWith('/') || value.startsWith('//')) return undefined
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return undefined
  const base = 'http://app.invalid'
  const resolved = new URL(value, base)
  if (resolved.origin !== base) return undefined
  return `${resolved.pathname}${resolved.search}${resolved.hash}`
}
