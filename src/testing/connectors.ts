import { complementaireSanteSolidaire } from '../apis/complementaire-sante-solidaire/index.js'
import { droitsAssuranceMaladie } from '../apis/droits-assurance-maladie/index.js'
import { franceTravailPaiements } from '../apis/france-travail-paiements/index.js'
import { franceTravailStatut } from '../apis/france-travail-statut/index.js'
import { impotParticulier } from '../apis/impot-particulier/index.js'
import { indemnitesJournalieres } from '../apis/indemnites-journalieres/index.js'
import { quotientFamilial } from '../apis/quotient-familial/index.js'
import { revenuSolidariteActive } from '../apis/revenu-solidarite-active/index.js'
import { statutEtudiantBoursier } from '../apis/statut-etudiant-boursier/index.js'
import { statutEtudiant } from '../apis/statut-etudiant/index.js'
import type { Sandbox } from './types.js'

/** Every connector of the SDK, configured for a sandbox. */
export interface SandboxConnectors {
  'impot-particulier': ReturnType<typeof impotParticulier>
  'droits-assurance-maladie': ReturnType<typeof droitsAssuranceMaladie>
  'indemnites-journalieres': ReturnType<typeof indemnitesJournalieres>
  'statut-etudiant': ReturnType<typeof statutEtudiant>
  'statut-etudiant-boursier': ReturnType<typeof statutEtudiantBoursier>
  'complementaire-sante-solidaire': ReturnType<typeof complementaireSanteSolidaire>
  'revenu-solidarite-active': ReturnType<typeof revenuSolidariteActive>
  'quotient-familial': ReturnType<typeof quotientFamilial>
  'france-travail-statut': ReturnType<typeof franceTravailStatut>
  'france-travail-paiements': ReturnType<typeof franceTravailPaiements>
}

/**
 * Every connector of the SDK, each configured with the sandbox's base URL and credentials, with its
 * default scopes. Pass `Object.values(...)` as the client's `apis`, and `sandbox.fetchAllParams` to
 * `fetchAll`.
 *
 * @example
 * ```ts
 * const connectors = sandboxConnectors(sandbox)
 * const fc = createClient({ ...clientOptions, apis: Object.values(connectors) })
 * const results = await fc.fetchAll(session, sandbox.fetchAllParams)
 * ```
 */
export function sandboxConnectors(sandbox: Pick<Sandbox, 'connectorOptions'>): SandboxConnectors {
  const options = sandbox.connectorOptions
  return {
    'impot-particulier': impotParticulier(options['impot-particulier']),
    'droits-assurance-maladie': droitsAssuranceMaladie(options['droits-assurance-maladie']),
    'indemnites-journalieres': indemnitesJournalieres(options['indemnites-journalieres']),
    'statut-etudiant': statutEtudiant(options['statut-etudiant']),
    'statut-etudiant-boursier': statutEtudiantBoursier(options['statut-etudiant-boursier']),
    'complementaire-sante-solidaire': complementaireSanteSolidaire(options['complementaire-sante-solidaire']),
    'revenu-solidarite-active': revenuSolidariteActive(options['revenu-solidarite-active']),
    'quotient-familial': quotientFamilial(options['quotient-familial']),
    'france-travail-statut': franceTravailStatut(options['france-travail-statut']),
    'france-travail-paiements': franceTravailPaiements(options['france-travail-paiements']),
  }
}
