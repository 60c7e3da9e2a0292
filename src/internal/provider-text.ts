const codeLike = /^[A-Za-z0-9_.:-]{1,40}$/
// C0 and C1 control characters (CR, LF, ESC…): a provider's text must not forge log lines.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const controlCharacters = /[\u0000-\u001f\u007f-\u009f]/g

/**
 * Whether a provider's error code looks like one (`invalid_grant`, `Y049E20B`, `26003`): short,
 * plain characters. Anything else (an echoed token, a sentence, control characters) stays out of
 * error messages.
 *
 * @example
 * ```ts
 * isCodeLike('invalid_grant') // true
 * isCodeLike('eyJhbGciOi…') // false: too long to be a code
 * ```
 */
export function isCodeLike(value: string): boolean {
  return codeLike.test(value)
}

/**
 * Cleans what a provider said before the SDK keeps it on an error: the values the SDK itself sent
 * in that request (client secret, code, tokens, API keys) are replaced by `[redacted]` wherever a
 * provider echoes them, control characters are dropped, and a code that does not look like a code
 * is not kept as `providerCode`.
 *
 * @example
 * ```ts
 * cleanProviderText({ providerCode: 'invalid_client', description: `bad secret ${secret}` }, [secret])
 * // { providerCode: 'invalid_client', description: 'bad secret [redacted]' }
 * ```
 */
export function cleanProviderText(
  said: { providerCode?: string; description?: string },
  sentSecrets: readonly string[],
): { providerCode?: string; description?: string } {
  const forms = sentSecrets.filter((secret) => secret.length >= 6).flatMap(encodedForms)
  // Longest first, so that a form containing another is redacted whole.
  forms.sort((a, b) => b.length - a.length)
  const clean = (text: string) => {
    let result = text
    for (const form of forms) result = result.split(form).join('[redacted]')
    return result.replace(controlCharacters, ' ').slice(0, 500)
  }
  const providerCode = said.providerCode === undefined ? undefined : clean(said.providerCode)
  const description = said.description === undefined ? undefined : clean(said.description)
  return {
    ...(providerCode !== undefined && isCodeLike(providerCode) ? { providerCode } : {}),
    ...(description === undefined ? {} : { description }),
  }
}

/**
 * The forms in which a value the SDK sent can come back in a provider's text: as sent, percent-
 * encoded (a query or a JSON echo of the encoded body), form-encoded (`+` for spaces) and base64
 * (a Basic header echoed back).
 */
function encodedForms(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)])
  try {
    forms.add(btoa(secret))
  } catch {
    // not Latin-1: it was never sent base64-encoded by the SDK
  }
  return [...forms]
}
