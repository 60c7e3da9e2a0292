import * as v from 'valibot'
import { ConfigurationError } from '../../errors/configuration-error.js'
import { numeric } from '../shared/numeric.js'
import { partialIsoDate } from '../shared/partial-date.js'

// ⚠️ PROVISIONAL. The CNAM's spec of this API is not public.
// The schema is built from the public description (period, daily amount, number of days, CSG, CRDS)
// and from a field mapping the integrator can correct; the default names follow the snake_case of the
// CNAM's droits API and are guesses.

/** Where each datum of a payment is in the CNAM's answer: dotted paths (`periode.debut`). */
export interface IndemnitesJournalieresMapping {
  /** Dotted path of the array of payments in the body, or `null` when the body is the array (default `paiements`). */
  paiements: string | null
  /** First day indemnified, ISO date; required (default `date_debut`). */
  dateDebut: string
  /** Last day indemnified, ISO date; required (default `date_fin`). */
  dateFin: string
  /** Daily amount, a number; required (default `montant_journalier`). */
  montantJournalier: string
  /** Number of days paid, an integer; required (default `nombre_jours`). */
  nombreJours: string
  /** CSG deducted, a number; required (default `montant_csg`). */
  csg: string
  /** CRDS deducted, a number; required (default `montant_crds`). */
  crds: string
  /** Gross amount, a number; optional (default `montant_brut`). */
  montantBrut: string
  /** Net amount, a number; optional (default `montant_net`). */
  montantNet: string
  /** Payment date, ISO date; optional (default `date_paiement`). */
  datePaiement: string
}

/** The provisional default mapping (⚠️ guessed names, to be checked against the CNAM's spec). */
export const defaultIndemnitesJournalieresMapping: Readonly<IndemnitesJournalieresMapping> = {
  paiements: 'paiements',
  dateDebut: 'date_debut',
  dateFin: 'date_fin',
  montantJournalier: 'montant_journalier',
  nombreJours: 'nombre_jours',
  csg: 'montant_csg',
  crds: 'montant_crds',
  montantBrut: 'montant_brut',
  montantNet: 'montant_net',
  datePaiement: 'date_paiement',
}

export type PaiementField = Exclude<keyof IndemnitesJournalieresMapping, 'paiements'>

const isoDate = partialIsoDate
const amount = numeric()
const days = numeric(v.integer('an integer'), v.minValue(0, 'a number of days (>= 0)'))

/** Each datum's type and whether the public description makes it certain to be there. */
const fieldSchemas: Record<PaiementField, { schema: v.GenericSchema; required: boolean }> = {
  dateDebut: { schema: isoDate, required: true },
  dateFin: { schema: isoDate, required: true },
  montantJournalier: { schema: amount, required: true },
  nombreJours: { schema: days, required: true },
  csg: { schema: amount, required: true },
  crds: { schema: amount, required: true },
  montantBrut: { schema: amount, required: false },
  montantNet: { schema: amount, required: false },
  datePaiement: { schema: isoDate, required: false },
}

export const paiementFields = Object.keys(fieldSchemas) as PaiementField[]

/**
 * The mapping with defaults filled in, each path checked: non-empty segments, no prototype keys, one
 * path per field. Overlaps (`a` and `a.b`) are refused when the schema is built.
 *
 * @example
 * ```ts
 * resolveMapping('indemnites-journalieres', { csg: 'prelevements.csg' }).csg // 'prelevements.csg'
 * ```
 */
export function resolveMapping(
  api: string,
  mapping: Partial<IndemnitesJournalieresMapping> | undefined,
): IndemnitesJournalieresMapping {
  const resolved = { ...defaultIndemnitesJournalieresMapping, ...mapping }
  const invalid = (why: string) => new ConfigurationError('configuration_invalid', `${api}: mapping.${why}`)
  if (resolved.paiements !== null) splitPath(resolved.paiements, () => invalid('paiements must be a dotted path or null'))
  const seen = new Set<string>()
  for (const field of paiementFields) {
    const path = resolved[field]
    splitPath(path, () => invalid(`${field} must be a dotted path`))
    if (seen.has(path)) throw invalid(`${field} reuses the path of another field`)
    seen.add(path)
  }
  return resolved
}

/**
 * The valibot schema of the answer under a mapping: the array of payments at `mapping.paiements`,
 * each payment an object (loose: other fields are accepted) with the mapped fields at their paths.
 *
 * @example
 * ```ts
 * const schema = buildIndemnitesJournalieresSchema(api, resolveMapping(api, { paiements: null }))
 * parsePayload(api, schema, [{ date_debut: '2025-01-06', … }])
 * ```
 */
export function buildIndemnitesJournalieresSchema(api: string, mapping: IndemnitesJournalieresMapping): v.GenericSchema {
  const tree: Tree = new Map()
  for (const field of paiementFields) {
    const { schema, required } = fieldSchemas[field]
    insert(
      tree,
      splitPath(mapping[field], () => undefined),
      { schema, required },
      () => new ConfigurationError('configuration_invalid', `${api}: mapping.${field} overlaps another field's path`),
    )
  }
  let schema: v.GenericSchema = v.array(treeToSchema(tree).schema)
  if (mapping.paiements !== null) {
    for (const segment of splitPath(mapping.paiements, () => undefined).reverse()) schema = v.looseObject({ [segment]: schema })
  }
  return schema
}

/**
 * The value at a dotted path of a validated object, or undefined.
 *
 * @example
 * ```ts
 * readPath({ periode: { debut: '2025-01-06' } }, 'periode.debut') // '2025-01-06'
 * ```
 */
export function readPath(value: unknown, path: string): unknown {
  let current = value
  for (const segment of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined
    current = (current as Record<string, unknown>)[segment]
  }
  return current
}

type Leaf = { schema: v.GenericSchema; required: boolean }
type Tree = Map<string, Leaf | Tree>

const forbiddenSegments = new Set(['__proto__', 'prototype', 'constructor'])

function splitPath(path: unknown, fail: () => Error | undefined): string[] {
  const segments = typeof path === 'string' ? path.split('.') : []
  if (segments.length === 0 || segments.some((segment) => segment === '' || forbiddenSegments.has(segment))) {
    const error = fail()
    if (error) throw error
  }
  return segments
}

function insert(tree: Tree, segments: string[], leaf: Leaf, overlap: () => Error): void {
  const [head, ...rest] = segments
  if (head === undefined) throw overlap()
  const existing = tree.get(head)
  if (rest.length === 0) {
    if (existing !== undefined) throw overlap()
    tree.set(head, leaf)
    return
  }
  if (existing !== undefined && !(existing instanceof Map)) throw overlap()
  const child: Tree = existing ?? new Map()
  tree.set(head, child)
  insert(child, rest, leaf, overlap)
}

/** A nested object is required when one of its fields is; an optional field may be absent or null. */
function treeToSchema(tree: Tree): Leaf {
  const entries: v.ObjectEntries = {}
  let required = false
  for (const [key, node] of tree) {
    const leaf = node instanceof Map ? treeToSchema(node) : node
    required ||= leaf.required
    entries[key] = leaf.required ? leaf.schema : v.nullish(leaf.schema)
  }
  return { schema: v.looseObject(entries), required }
}
