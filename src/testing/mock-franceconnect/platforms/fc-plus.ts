/** FranceConnect+ (core-fcp-high): FranceConnect v2 at eidas2/eidas3, with encrypted ID tokens and userinfo. */
import { FC_V2 } from './fc-v2.js'
import { FC_IDENTITY_CLAIMS, FC_TTL } from './franceconnect.js'
import type { ClaimsConfig, VariantProfile } from './types.js'

/** Scope -> claims (`fcp-high.scopes.ts`): no given_name_array / idp_birthdate; rnipp_* twins return the IdP claim + its twin. */
const FCPLUS_CLAIMS: ClaimsConfig = {
  ...FC_IDENTITY_CLAIMS,
  amr: ['amr'],
  rnipp_gender: ['gender', 'rnipp_gender'],
  rnipp_family_name: ['family_name', 'rnipp_family_name'],
  rnipp_given_name: ['given_name', 'rnipp_given_name', 'rnipp_given_name_array'],
  rnipp_birthdate: ['birthdate', 'rnipp_birthdate'],
  rnipp_birthplace: ['birthplace', 'rnipp_birthplace'],
  rnipp_birthcountry: ['birthcountry', 'rnipp_birthcountry'],
}

/** The key-wrapping algs FC+ encrypts to a service's (or a data provider's) key with; `enc` is always A256GCM. */
export const FC_PLUS_ENCRYPTION_ALGS: readonly string[] = ['ECDH-ES', 'RSA-OAEP', 'RSA-OAEP-256']

export const FC_PLUS: VariantProfile = {
  ...FC_V2,
  variant: 'fcplus',
  // eidas2/eidas3, lowest known wins; unknown -> eidas3; eidas1 -> invalid_acr
  acr: { ranked: ['eidas1', 'eidas2', 'eidas3'], allowed: ['eidas2', 'eidas3'], fallback: 'eidas3', required: true },
  amr: ['fc', 'pop', 'mfa', 'pin'],
  claims: FCPLUS_CLAIMS,
  // sessions and interactions last 600 s on FC+
  ttl: { ...FC_TTL, Interaction: 600, Session: 600 },
  encryption: true,
  idTokenSigningAlgs: ['ES256'],
}
