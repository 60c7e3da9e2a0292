/**
 * The manifest of the API Indemnités journalières connector (CNAM), ⚠️ provisional connector.
 * Pure data, no import but types: the scope registry of the root entry reads it
 * without pulling in the connector; the connector imports only the small lists (`scopeNames`,
 * `hosts`…), so its bundle leaves the labels out.
 *
 * @module
 */
import type { ConnectorManifest, ConnectorSandbox, ManifestScopeDetail } from '../../registry/manifest.js'

const both = ['franceconnect', 'franceconnect-plus'] as const

/** Every FranceConnect scope the connector may ask, in the registry's order. */
export const scopeNames = ['cnam_paiements_ij'] as const

/** No published host: `baseUrl` is required (⚠️ no public spec). */
export const hosts = {} as const

/** The API Indemnités journalières as data: its scopes with their labels and fields, its hosts, its parameters. */
export const indemnitesJournalieresManifest = {
  id: 'indemnites-journalieres',
  factory: 'indemnitesJournalieres',
  label: 'API Indemnités journalières',
  provider: 'CNAM',
  scopes: scopeNames,
  scopeDetails: {
    cnam_paiements_ij: {
      label: 'Paiements d’indemnités journalières versées par l’Assurance Maladie',
      labelSource: 'reference',
      fields: [],
      fieldsNote: 'Not known: the API Indemnités journalières has no public spec.',
      platforms: both,
    },
  } satisfies Record<(typeof scopeNames)[number], ManifestScopeDetail>,
  hosts,
  parameters: [
    { name: 'dateDebut', description: 'Start of the window, YYYY-MM-DD (sent only when given).', required: false },
    { name: 'dateFin', description: 'End of the window, YYYY-MM-DD, not before dateDebut.', required: false },
  ],
} as const satisfies ConnectorManifest

/** How the sandbox (`franceconnect-sdk/testing`) serves it: the CNAM IJ mock, with the CNAM's API key. */
export const sandbox = { mock: 'cnam-ij', options: ['apiKey'] } as const satisfies ConnectorSandbox
