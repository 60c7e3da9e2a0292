/**
 * The connectors getAllData is measured with, and a payload each answers (taken from the
 * connector's own tests in test/unit/apis/). Connectors are being written while this runs: each
 * adapter is used only when `src/apis/<dir>/index.ts` exists, exports its factory, and a probe call
 * against a loopback server succeeds; connectors that need more than one request or a gateway
 * token (droits-assurance-maladie, impot-particulier, indemnites-journalieres) are not adapted.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { AnyConnector } from '../../src/registry/connector.js'
import {
  boursierV4Payload,
  statutEtudiantPayload,
  complementaireSanteSolidairePayload,
  revenuSolidariteActivePayload,
  quotientFamilialPayload,
  franceTravailStatutPayload,
  franceTravailPaiementsPayload,
} from '../../test/support/published-payloads.js'

export interface ConnectorAdapter {
  /** The folder under src/apis/. */
  dir: string
  /** The factory's export name. */
  factory: string
  /** The factory's options, pointed at `baseUrl`. */
  options(baseUrl: string): Record<string, unknown>
  /** What the loopback server answers (a payload of the connector's tests). */
  payload: unknown
}

const recipient = '13002526500013'

/** The boursier adapter: the first connector, and the fallback (several instances, one baseUrl each). */
export const boursierAdapter: ConnectorAdapter = {
  dir: 'statut-etudiant-boursier',
  factory: 'statutEtudiantBoursier',
  options: (baseUrl) => ({ recipient, baseUrl }),
  payload: boursierV4Payload,
}

/** In order of preference; payloads are the published ones the connector tests use. */
export const adapters: readonly ConnectorAdapter[] = [
  boursierAdapter,
  {
    dir: 'statut-etudiant',
    factory: 'statutEtudiant',
    options: (baseUrl) => ({ recipient, baseUrl }),
    payload: statutEtudiantPayload,
  },
  {
    dir: 'complementaire-sante-solidaire',
    factory: 'complementaireSanteSolidaire',
    options: (baseUrl) => ({ recipient, baseUrl }),
    payload: complementaireSanteSolidairePayload,
  },
  {
    dir: 'revenu-solidarite-active',
    factory: 'revenuSolidariteActive',
    options: (baseUrl) => ({ recipient, baseUrl }),
    payload: revenuSolidariteActivePayload,
  },
  {
    dir: 'quotient-familial',
    factory: 'quotientFamilial',
    options: (baseUrl) => ({ recipient, baseUrl }),
    payload: quotientFamilialPayload,
  },
  {
    dir: 'france-travail-statut',
    factory: 'franceTravailStatut',
    options: (baseUrl) => ({ baseUrl }),
    payload: franceTravailStatutPayload,
  },
  {
    dir: 'france-travail-paiements',
    factory: 'franceTravailPaiements',
    options: (baseUrl) => ({ baseUrl }),
    payload: franceTravailPaiementsPayload,
  },
]

export function connectorPresent(dir: string): boolean {
  return existsSync(fileURLToPath(new URL(`../../src/apis/${dir}/index.ts`, import.meta.url)))
}

/** Builds the adapter's connector, or says why it cannot. */
export async function buildConnector(adapter: ConnectorAdapter, baseUrl: string): Promise<AnyConnector> {
  const module = (await import(`../../src/apis/${adapter.dir}/index.js`)) as Record<string, unknown>
  const factory = module[adapter.factory]
  if (typeof factory !== 'function') throw new Error(`src/apis/${adapter.dir} does not export ${adapter.factory}`)
  return (factory as (options: Record<string, unknown>) => AnyConnector)(adapter.options(baseUrl))
}
