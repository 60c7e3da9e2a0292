/** The shared readers every connector's schema uses: partial dates and numbers sent as strings. */
import fc from 'fast-check'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { collectNumericCoercions, numeric } from '../../../src/apis/shared/numeric.js'
import { normalizePartialDate, partialDateFromParts, partialIsoDate } from '../../../src/apis/shared/partial-date.js'

const pad = (value: number, width: number) => String(value).padStart(width, '0')
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

describe('partial dates', () => {
  it('gives every calendar date back as written, and as the Date of the same day', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), (date) => {
        const written = date.toISOString().slice(0, 10)
        expect(normalizePartialDate(written)).toBe(written)
        expect(v.parse(partialIsoDate, written)).toBe(written)
      }),
    )
  })

  it('shortens an unknown day to YYYY-MM and an unknown month to YYYY', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        expect(normalizePartialDate(`${year}-${pad(month, 2)}-00`)).toBe(`${year}-${pad(month, 2)}`)
        expect(normalizePartialDate(`${year}-00-00`)).toBe(String(year))
        // DGFiP's parts give the same forms
        expect(partialDateFromParts(year, month, 0)).toBe(`${year}-${pad(month, 2)}`)
        expect(partialDateFromParts(year, 0, 0)).toBe(String(year))
      }),
    )
  })

  it('refuses what is no date, even partly: a day past the month, month 13, a day in an unknown month', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 99 }),
        (year, month, day) => {
          const written = `${year}-${pad(month, 2)}-${pad(day, 2)}`
          expect(normalizePartialDate(written) !== undefined).toBe(day <= daysIn(year, month))
          expect(normalizePartialDate(`${year}-00-${pad(day, 2)}`)).toBeUndefined()
          expect(normalizePartialDate(`${year}-13-00`)).toBeUndefined()
        },
      ),
    )
    for (const bad of ['2020-1-01', '20-01-01', '2020/01/01', '2020-01-01T00:00:00Z', '']) {
      expect(v.safeParse(partialIsoDate, bad).success, bad).toBe(false)
    }
  })
})

describe('numbers sent as strings', () => {
  it('reads a strict decimal string as its number, and nothing looser', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }), (value) => {
        const written = String(Math.round(value * 100) / 100)
        if (/e/i.test(written)) return
        expect(v.parse(numeric(), written)).toBe(Number(written))
      }),
    )
    for (const bad of ['1,5', '1 000', '0x10', '1e3', '', ' 12', '12.', '.5', 'Infinity', 'NaN']) {
      expect(v.safeParse(numeric(), bad).success, bad).toBe(false)
    }
  })

  it('applies the field’s own checks to the number read', () => {
    expect(v.safeParse(numeric(v.integer()), '2.5').success).toBe(false)
    expect(v.parse(numeric(v.integer()), '-3')).toBe(-3)
  })

  it('lists where strings became numbers, by path, never by value', () => {
    const raw = { rfr: '15000', pac: { nbPac: 2, nbPacF: '1' }, list: [{ a: '1.5' }, { a: 2 }] }
    const parsed = { rfr: 15000, pac: { nbPac: 2, nbPacF: 1 }, list: [{ a: 1.5 }, { a: 2 }] }
    expect(collectNumericCoercions(raw, parsed)).toEqual(['rfr', 'pac.nbPacF', 'list.0.a'])
  })
})
