/**
 * Turns an API's normalized data (nested objects and arrays) into flat tables that a page or a
 * terminal can show: nested fields get dotted keys (`adresseFiscale.codePostal`), an array of
 * objects becomes a table of its own with one row per element, an array of plain values is joined.
 * Field names are kept as the SDK gives them (French, camelCase).
 */

/** Key/value rows: the scalar fields of an object, with dotted keys. */
export interface FieldsTable {
  kind: 'fields'
  /** Where the fields sit in the data (`''` for the top level). */
  path: string
  rows: [key: string, value: string][]
}

/** One row per element of an array of objects; the columns are the union of their dotted keys. */
export interface RowsTable {
  kind: 'rows'
  /** The array's path in the data: `paiements`, `beneficiaires[0].contrats`. */
  path: string
  columns: string[]
  rows: string[][]
}

export type DataTable = FieldsTable | RowsTable

/** How a value that is not an object or an array reads. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—'
  if (value === true) return 'oui'
  if (value === false) return 'non'
  if (value === '') return '(vide)'
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'bigint') return String(value)
  return JSON.stringify(value)
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isScalar = (value: unknown) => !isObject(value) && !Array.isArray(value)
const join = (prefix: string, key: string) => (prefix ? `${prefix}.${key}` : key)

/**
 * An array of at most three plain fields per element (`periodesDroits: [{ dateDebut, dateFin }]`)
 * reads better inline, inside the row that holds it, than as a table of its own.
 */
function isSmallRecordList(items: unknown[]): items is Record<string, unknown>[] {
  return items.every((item) => isObject(item) && Object.keys(item).length <= 3 && Object.values(item).every(isScalar))
}

function inlineRecords(items: Record<string, unknown>[]): string {
  return items
    .map((item) =>
      Object.entries(item)
        .map(([key, value]) => `${key}: ${formatValue(value)}`)
        .join(', '),
    )
    .join(' ; ')
}

/**
 * The tables of a piece of data, the top-level fields first, then each array of objects in the
 * order met.
 *
 * @example
 * ```ts
 * tabulate({ inscrit: true, paiements: [{ date: '2026-08-03', montant: 612.4 }] })
 * // [{ kind: 'fields', path: '', rows: [['inscrit', 'oui']] },
 * //  { kind: 'rows', path: 'paiements', columns: ['date', 'montant'], rows: [['2026-08-03', '612.4']] }]
 * ```
 */
export function tabulate(data: unknown): DataTable[] {
  const top: FieldsTable = { kind: 'fields', path: '', rows: [] }
  const tables: DataTable[] = [top]
  if (isObject(data)) collectFields(data, '', top.rows, tables)
  else if (Array.isArray(data)) addArray(data, '', top.rows, tables)
  else top.rows.push(['valeur', formatValue(data)])
  return tables.filter((table) => table.rows.length > 0)
}

function collectFields(object: Record<string, unknown>, prefix: string, rows: FieldsTable['rows'], tables: DataTable[]): void {
  for (const [key, value] of Object.entries(object)) {
    const path = join(prefix, key)
    if (isObject(value)) {
      if (Object.keys(value).length === 0) rows.push([path, '—'])
      else collectFields(value, path, rows, tables)
    } else if (Array.isArray(value)) {
      addArray(value, path, rows, tables)
    } else {
      rows.push([path, formatValue(value)])
    }
  }
}

function addArray(items: unknown[], path: string, rows: FieldsTable['rows'], tables: DataTable[]): void {
  if (items.length === 0) rows.push([path || 'valeur', '(aucun)'])
  else if (items.every(isScalar)) rows.push([path || 'valeur', items.map(formatValue).join(', ')])
  else addRowsTable(items, path, tables)
}

/** Adds the table of an array of objects, then (after it) the tables of arrays found inside its rows. */
function addRowsTable(items: unknown[], path: string, tables: DataTable[]): void {
  const table: RowsTable = { kind: 'rows', path, columns: [], rows: [] }
  tables.push(table)
  const cellsByRow: Map<string, string>[] = []
  items.forEach((item, index) => {
    const cells = new Map<string, string>()
    if (isObject(item)) collectCells(item, '', cells, `${path}[${index}]`, tables)
    else if (Array.isArray(item)) cells.set('valeur', item.map(formatValue).join(', '))
    else cells.set('valeur', formatValue(item))
    for (const column of cells.keys()) if (!table.columns.includes(column)) table.columns.push(column)
    cellsByRow.push(cells)
  })
  table.rows = cellsByRow.map((cells) => table.columns.map((column) => cells.get(column) ?? ''))
}

function collectCells(
  object: Record<string, unknown>,
  prefix: string,
  cells: Map<string, string>,
  itemPath: string,
  tables: DataTable[],
): void {
  for (const [key, value] of Object.entries(object)) {
    const column = join(prefix, key)
    if (isObject(value)) {
      collectCells(value, column, cells, itemPath, tables)
    } else if (Array.isArray(value)) {
      if (value.length === 0) cells.set(column, '(aucun)')
      else if (value.every(isScalar)) cells.set(column, value.map(formatValue).join(', '))
      else if (isSmallRecordList(value)) cells.set(column, inlineRecords(value))
      else {
        const nested = `${itemPath}.${column}`
        cells.set(column, `${value.length} ↓ (voir ci-dessous)`)
        addRowsTable(value, nested, tables)
      }
    } else {
      cells.set(column, formatValue(value))
    }
  }
}
