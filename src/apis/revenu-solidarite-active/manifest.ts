/**
 * The manifest of the API Revenu de solidarité active connector, CNAF data through API Particulier in FranceConnect mode, DSS route (reference §7). Pure data, no import but types: the scope
 * registry of the root entry reads it without pulling in the connector.
 *
 * @module
 */
import type { ConnectorManifest } from '../../registry/manifest.js'

const v2Only = ['franceconnect'] as const

/** The API Revenu de solidarité active as data: its scopes with their labels and fields, its hosts, its parameters. */
export const revenuSolidariteActiveManifest = {
  id: 'revenu-solidarite-active',
  factory: 'revenuSolidariteActive',
  label: 'API Revenu de solidarité active',
  provider: 'CNAF/MSA',
  scopes: [
    {
      scope: 'revenu_solidarite_active',
      label: 'Statut bénéficiaire RSA',
      labelSource: 'derived',
      fields: ['est_beneficiaire', 'date_debut_droit'],
      fieldsNote: '⚠️ Mapping inferred from the scope names (reference §7).',
      platforms: v2Only,
    },
    {
      scope: 'revenu_solidarite_active_majoration',
      label: 'Statut bénéficiaire majoration',
      labelSource: 'derived',
      fields: ['avec_majoration'],
      fieldsNote: '⚠️ Mapping inferred from the scope names (reference §7).',
      platforms: v2Only,
    },
  ],
  // API Particulier’s hosts (reference §5.3).
  hosts: {
    production: 'https://particulier.api.gouv.fr',
    staging: 'https://staging.particulier.api.gouv.fr',
  },
  parameters: [],
} as const satisfies ConnectorManifest
