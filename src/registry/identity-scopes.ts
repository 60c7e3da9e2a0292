/** A FranceConnect platform: v2 (core-fcp-low) or FranceConnect+ (core-fcp-high). */
export type IdentityPlatform = 'franceconnect' | 'franceconnect-plus'

/**
 * The identity scopes of FranceConnect v2 and FranceConnect+ and the claims each releases, as the
 * cores' scope tables say (france-connect/sources, back/libs/scopes/src/data/fcp-low and fcp-high),
 * with their French labels.
 */
export interface IdentityScope {
  readonly scope: string
  readonly label: string
  /** The claims it releases on FranceConnect v2 (and on FranceConnect+ unless `claimsOnPlus` says otherwise). */
  readonly claims: readonly string[]
  /** The claims it releases on FranceConnect+, where they differ (FranceConnect+ never releases `given_name_array`). */
  readonly claimsOnPlus?: readonly string[]
  /** Platforms that offer it. */
  readonly platforms: readonly IdentityPlatform[]
}

/**
 * The claims a scope releases on a platform; none where the platform does not offer the scope.
 *
 * @example
 * ```ts
 * claimsReleased('profile', 'franceconnect-plus') // ['given_name', 'family_name', 'birthdate', 'gender', 'preferred_username']
 * ```
 */
export function claimsReleased(scope: string, platform: IdentityPlatform): readonly string[] {
  const entry = identityScopes.find((candidate) => candidate.scope === scope)
  if (!entry?.platforms.includes(platform)) return []
  return platform === 'franceconnect-plus' ? (entry.claimsOnPlus ?? entry.claims) : entry.claims
}

const both = ['franceconnect', 'franceconnect-plus'] as const
const v2Only = ['franceconnect'] as const
const plusOnly = ['franceconnect-plus'] as const

/**
 * Every identity scope of FranceConnect v2 and FranceConnect+, with its French label, the claims it
 * releases and the platforms that offer it.
 *
 * @example
 * ```ts
 * identityScopes.find((entry) => entry.scope === 'identite_pivot')?.claims
 * ```
 */
export const identityScopes: readonly IdentityScope[] = [
  { scope: 'openid', label: 'Identifiant technique (sub)', claims: ['sub'], platforms: both },
  {
    scope: 'profile',
    label: 'Profil : nom, prénoms, sexe, date de naissance, nom d’usage',
    claims: ['given_name', 'given_name_array', 'family_name', 'birthdate', 'gender', 'preferred_username'],
    claimsOnPlus: ['given_name', 'family_name', 'birthdate', 'gender', 'preferred_username'],
    platforms: both,
  },
  { scope: 'birth', label: 'Lieu de naissance', claims: ['birthplace', 'birthcountry'], platforms: both },
  {
    scope: 'identite_pivot',
    label: 'Identité pivot : nom de naissance, prénoms, sexe, date et lieu de naissance',
    claims: ['given_name', 'given_name_array', 'family_name', 'birthdate', 'gender', 'birthplace', 'birthcountry'],
    claimsOnPlus: ['given_name', 'family_name', 'birthdate', 'gender', 'birthplace', 'birthcountry'],
    platforms: both,
  },
  {
    scope: 'given_name',
    label: 'Prénoms',
    claims: ['given_name', 'given_name_array'],
    claimsOnPlus: ['given_name'],
    platforms: both,
  },
  { scope: 'family_name', label: 'Nom de naissance', claims: ['family_name'], platforms: both },
  { scope: 'gender', label: 'Sexe', claims: ['gender'], platforms: both },
  { scope: 'birthdate', label: 'Date de naissance', claims: ['birthdate'], platforms: both },
  { scope: 'birthplace', label: 'Commune de naissance (code INSEE)', claims: ['birthplace'], platforms: both },
  { scope: 'birthcountry', label: 'Pays de naissance (code INSEE)', claims: ['birthcountry'], platforms: both },
  { scope: 'email', label: 'Adresse électronique', claims: ['email'], platforms: both },
  { scope: 'preferred_username', label: 'Nom d’usage', claims: ['preferred_username'], platforms: both },
  {
    scope: 'idp_birthdate',
    label: 'Date de naissance telle que transmise par le fournisseur d’identité',
    claims: ['idp_birthdate'],
    platforms: v2Only,
  },
  { scope: 'idp_id', label: 'Fournisseur d’identité utilisé', claims: ['idp_id'], platforms: v2Only },
  { scope: 'amr', label: 'Méthodes d’authentification', claims: ['amr'], platforms: both },
  { scope: 'rnipp_gender', label: 'Sexe (RNIPP)', claims: ['gender', 'rnipp_gender'], platforms: plusOnly },
  {
    scope: 'rnipp_family_name',
    label: 'Nom de naissance (RNIPP)',
    claims: ['family_name', 'rnipp_family_name'],
    platforms: plusOnly,
  },
  {
    scope: 'rnipp_given_name',
    label: 'Prénoms (RNIPP)',
    claims: ['given_name', 'rnipp_given_name', 'rnipp_given_name_array'],
    platforms: plusOnly,
  },
  { scope: 'rnipp_birthdate', label: 'Date de naissance (RNIPP)', claims: ['birthdate', 'rnipp_birthdate'], platforms: plusOnly },
  {
    scope: 'rnipp_birthplace',
    label: 'Commune de naissance (RNIPP)',
    claims: ['birthplace', 'rnipp_birthplace'],
    platforms: plusOnly,
  },
  {
    scope: 'rnipp_birthcountry',
    label: 'Pays de naissance (RNIPP)',
    claims: ['birthcountry', 'rnipp_birthcountry'],
    platforms: plusOnly,
  },
  {
    scope: 'rnipp_profile',
    label: 'Profil (RNIPP)',
    claims: [
      'given_name',
      'rnipp_given_name',
      'rnipp_given_name_array',
      'family_name',
      'rnipp_family_name',
      'birthdate',
      'rnipp_birthdate',
      'gender',
      'rnipp_gender',
      'preferred_username',
    ],
    platforms: plusOnly,
  },
  {
    scope: 'rnipp_birth',
    label: 'Lieu de naissance (RNIPP)',
    claims: ['birthplace', 'rnipp_birthplace', 'birthcountry', 'rnipp_birthcountry'],
    platforms: plusOnly,
  },
  {
    scope: 'rnipp_identite_pivot',
    label: 'Identité pivot (RNIPP)',
    claims: [
      'gender',
      'rnipp_gender',
      'family_name',
      'rnipp_family_name',
      'given_name',
      'rnipp_given_name',
      'rnipp_given_name_array',
      'birthdate',
      'rnipp_birthdate',
      'birthplace',
      'rnipp_birthplace',
      'birthcountry',
      'rnipp_birthcountry',
    ],
    platforms: plusOnly,
  },
]
