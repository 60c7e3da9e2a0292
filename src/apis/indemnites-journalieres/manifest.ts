/**
 * The manifest of the API Indemnités journalières connector (CNAM), ⚠️ provisional connector (reference §4). Pure data, no import but types: the scope
 * registry of the root entry reads it without pulling in the connector.
 *
 * @module
 */
import type { ConnectorManifest } from '../../registry/manifest.js'

const both = ['franceconnect', 'franceconnect-plus'] as const

/** The API Indemnités journalières as data: its scopes with their labels and fields, its hosts, its parameters. */
export const indemnitesJournalieresManifest = {
  id: 'indemnites-journalieres',
  factory: 'indemnitesJournalieres',
  label: 'API Indemnités journalières',
  provider: 'CNAM',
  scopes: [
    {
      scope: 'cnam_paiements_ij',
      label: 'Paiements d’indemnités journalières versées par l’Assurance Maladie',
      labelSource: 'reference',
      fields: [],
      fieldsNote: 'Not known: the API Indemnités journalières has no public spec (reference §4, §11.1).',
      platforms: both,
    },
  ],
  // No published host: `baseUrl` is required (⚠️ no public spec).
  hosts: {},
  parameters: [
    { name: 'dateDebut', description: 'Start of the window, YYYY-MM-DD (sent only when given).', required: false },
    { name: 'dateFin', description: 'End of the window, YYYY-MM-DD, not before dateDebut.', required: false },
  ],
} as const satisfies ConnectorManifest
