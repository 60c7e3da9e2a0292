/** The sandbox's calendar: its people's dates that must look current are computed from the day they are built. */

export interface Calendar {
  /** The current year in Paris. */
  year: number
  /** The current month, 1 to 12. */
  month: number
  /** The start year of the current school year (September). */
  schoolYear: number
}

/** The year, month and school year of `now` in Paris. */
export function calendarOf(now: Date): Calendar {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric', month: 'numeric' }).formatToParts(
    now,
  )
  const year = Number(parts.find((part) => part.type === 'year')?.value)
  const month = Number(parts.find((part) => part.type === 'month')?.value)
  return { year, month, schoolYear: month >= 9 ? year : year - 1 }
}

const pad = (value: number) => String(value).padStart(2, '0')

/** The first day of the month `offset` months from the current one, as `YYYY-MM`. */
export function monthFrom(calendar: Calendar, offset: number): { year: number; month: number; ym: string } {
  const index = calendar.year * 12 + (calendar.month - 1) + offset
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  return { year, month, ym: `${year}-${pad(month)}` }
}

/** A France Travail date-time in Paris time (offset +01:00 in winter, +02:00 in summer, roughly). */
export function parisDateTime(date: string, time = '00:00:00'): string {
  const month = Number(date.slice(5, 7))
  return `${date}T${time}${month >= 4 && month <= 10 ? '+02:00' : '+01:00'}`
}
