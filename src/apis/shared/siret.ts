/**
 * Whether a SIRET is well formed: 14 digits whose Luhn key is right (La Poste's establishments,
 * SIREN 356000000, follow their own rule: the sum of the digits is a multiple of 5).
 *
 * @example
 * ```ts
 * isValidSiret('13002526500013') // true
 * isValidSiret('13002526500014') // false
 * ```
 */
export function isValidSiret(siret: string): boolean {
  if (!/^[0-9]{14}$/.test(siret)) return false
  if (siret.startsWith('356000000')) {
    const sum = [...siret].reduce((total, digit) => total + Number(digit), 0)
    return sum % 5 === 0
  }
  let sum = 0
  for (let index = 0; index < 14; index++) {
    let digit = Number(siret[13 - index])
    if (index % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}
