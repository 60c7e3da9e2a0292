/**
 * The people of the sandbox and what each mock API knows of them. Every person and every datum is
 * fictitious, except the pivot identity of Angela Claire Louise DUBOIS, FranceConnect's public demo
 * identity (integration identity provider, `test` / `123`). Dates that must look current (school
 * year, rights, payments, quotient familial) are computed from the day the list is built.
 *
 * | # | id | Person | Data |
 * |---|----|--------|------|
 * | 0 | `angela-dubois` | Angela Claire Louise DUBOIS, F, 1962-08-24, Paris 7e (75107) | every API: impôt (divorcée, 1 enfant, 3 years of income), CNAM droits (+ 1 child) and IJ, MESRI (formation continue), CNOUS (échelon 4), C2S, RSA, QF (CNAF), France Travail statut (catégorie 1) and paiements |
 * | 1 | `carlos-garcia-lopez` | Carlos José GARCIA LOPEZ, M, 1985-03-01 (IdP: 1985-03-00), born in Spain (99134, birthplace "") | impôt (célibataire), CNAM droits (alone), France Travail statut (registration ended) and paiements (none, not registered) |
 * | 2 | `lea-martin` | Léa MARTIN, F, 2004-11-05, Bordeaux (33063) | MESRI only (two admissions, one inscrit); not boursière (CNOUS 404) |
 * | 3 | `karim-benali` | Karim BENALI, M, 2003-04-18, Lille (59350) | MESRI (inscrit), CNOUS (boursier, échelon 6) |
 * | 4 | `helene-rousseau` | Hélène ROUSSEAU, F, 1987-06-12, Lyon (69123) | impôt (mariée, 2 enfants, 2 déclarants), CNAM droits (conjoint + 2 children) and IJ (maternity), QF (CNAF, couple), C2S and RSA: not beneficiary |
 * | 5 | `nadia-hamidi` | Nadia HAMIDI, F, 1994-02-17, Marseille (13055) | C2S (with participation), RSA (majoré), QF (MSA, single parent, 2 children), CNAM droits (+ 2 children) |
 * | 6 | `thomas-leroy` | Thomas LEROY, M, 1988-03-11, Lille (59350) | France Travail statut (catégorie 1) and paiements (3 months), impôt |
 * | 7 | `lucie-fontaine` | Lucie FONTAINE, F, 1999-09-30, Nantes (44109) | nothing anywhere: every API answers 404 |
 *
 * The people live in `people/`, one module per group; their shared records in `people/records.ts`.
 */
import { agents } from './people/agents.js'
import { angela } from './people/angela.js'
import { calendarOf } from './people/calendar.js'
import { helene, nadia } from './people/households.js'
import { carlos, thomas } from './people/job-seekers.js'
import { lucie } from './people/nobody.js'
import { karim, lea } from './people/students.js'
import type { SandboxIdentity } from './types.js'

/**
 * The sandbox's people, in the order of the login page (see the table of this module). The first,
 * Angela Claire Louise DUBOIS, has data in every API; Lucie FONTAINE (last) has none. Dates that must
 * look current are computed from `now`.
 *
 * @example
 * ```ts
 * const people = sandboxIdentities()
 * const sandbox = await startSandbox({ identities: [...people, myOwnPerson] })
 * ```
 */
export function sandboxIdentities(now: Date = new Date()): SandboxIdentity[] {
  const calendar = calendarOf(now)
  return [
    angela(calendar),
    carlos(calendar),
    lea(calendar),
    karim(calendar),
    helene(calendar),
    nadia(calendar),
    thomas(calendar),
    lucie(),
  ]
}

/**
 * The year of income the sandbox has for everyone who pays tax: last year, in Paris time.
 *
 * @example
 * ```ts
 * await fc.getAllData(session, { 'impot-particulier': { annee: sandboxIncomeYear() } })
 * ```
 */
export function sandboxIncomeYear(now: Date = new Date()): number {
  return calendarOf(now).year - 1
}

// ------------------------------------------------------------------------------------------------
// ProConnect agents

/**
 * The agents of the ProConnect sandbox (`startSandbox({ variant: 'proconnect' })`), in the order of
 * its login page. Each carries the claims ProConnect releases per scope (core-fca-low: `given_name`,
 * `usual_name`, `email`, `uid`, `siret`, `siren`, `organizational_unit`, `belonging_population`,
 * `phone` → `phone_number`, `idp_id`, `idp_acr`, `custom`); the pivot identity members are there for
 * the type only and never leave ProConnect. Every agent, organisation and SIRET but DINUM's
 * (13002526500013, the one API Particulier's staging uses) is fictitious.
 *
 * | # | id | Agent | Organisation |
 * |---|----|-------|--------------|
 * | 0 | `marie-lambert` | Marie LAMBERT | DINUM (13002526500013), identity provider level eidas1 |
 * | 1 | `paul-moreau` | Paul MOREAU | a town hall (33189457200014), phone number, eidas1-mfa |
 * | 2 | `sophie-durand` | Sophie DURAND | a company she heads (85234176900010), certification-dirigeant |
 *
 * @example
 * ```ts
 * const sandbox = await startSandbox({ variant: 'proconnect', identities: sandboxAgents() })
 * ```
 */
export function sandboxAgents(): SandboxIdentity[] {
  return agents()
}
