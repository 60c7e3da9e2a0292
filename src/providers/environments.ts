/**
 * Issuers of each platform and environment.
 * The FranceConnect v2 `sandbox` is for client ids created in the partner portal, `integration` for
 * the older ones created through Démarches Simplifiées.
 */
export const issuers = {
  franceconnect: {
    sandbox: 'https://fcp-low.sbx.dev-franceconnect.fr/api/v2',
    integration: 'https://fcp-low.integ01.dev-franceconnect.fr/api/v2',
    production: 'https://oidc.franceconnect.gouv.fr/api/v2',
  },
  /** No FranceConnect+ sandbox host is known: integration is the test platform. */
  'franceconnect-plus': {
    integration: 'https://auth.integ01.dev-franceconnect.fr/api/v2',
    production: 'https://auth.franceconnect.gouv.fr/api/v2',
  },
  /** FranceConnect v1 is being shut down; kept for services still migrating. */
  'franceconnect-v1': {
    integration: 'https://fcp.integ01.dev-franceconnect.fr',
    production: 'https://app.franceconnect.gouv.fr',
  },
  /** ProConnect domains as documented in 2025-05. */
  proconnect: {
    integration: 'https://fca.integ01.dev-agentconnect.fr/api/v2',
    production: 'https://auth.agentconnect.gouv.fr/api/v2',
  },
} as const

/** The environments of FranceConnect v2. */
export type FranceConnectEnvironment = keyof (typeof issuers)['franceconnect']
/** The environments of FranceConnect+, FranceConnect v1 and ProConnect. */
export type IntegrationOrProduction = 'integration' | 'production'
