import { calendarDay } from '../shared/france-travail.js'
import type { StatutPayload } from './schema.js'

/**
 * The job-seeker status of the signed-in person, as France Travail gives it (scope
 * `api_fc-statutaugmentev1`). Values France Travail leaves out, sends as `null` or as an empty
 * string are `null`; dates are the calendar day France Travail wrote (`YYYY-MM-DD`).
 */
export interface FranceTravailStatut {
  /**
   * Registered as a job seeker when the call was made: a registration exists
   * (`situationInscription.dateInscription`) and has no end (`situationInscription.dateCessationInscription`)
   * or ends later. ⚠️ Derived by the SDK: France Travail sends no such flag.
   */
  inscrit: boolean
  /**
   * The registration category (`situationInscription.categorieInscription`) and its label
   * (`situationInscription.libellecategorieInscription`); `null` without a registration. The guides
   * speak of categories A to D; the codes actually sent are not published ⚠️, so `code` is a string.
   */
  categorie: { code: string; libelle: string | null } | null
  /** Start of the registration, ISO date (`situationInscription.dateInscription`). */
  dateInscription: string | null
  /** End of the registration, ISO date, `null` while it runs (`situationInscription.dateCessationInscription`). */
  dateCessation: string | null
  /** Civil status (`etatCivil`). */
  identite: {
    /** `etatCivil.civilite`, as sent (values not published). */
    civilite: string
    /** Birth name (`etatCivil.nom`). */
    nom: string
    /** Usage name (`etatCivil.nomUsage`). */
    nomUsage: string | null
    /** First name(s) (`etatCivil.prenom`). */
    prenom: string
    /** `etatCivil.sexe`, as sent (values not published). */
    sexe: string
    /** Birth date, ISO date (`etatCivil.dateNaissance`). */
    dateNaissance: string
    /** Identity certification code of the CNAV (`etatCivil.codeCertificationCNAV`). */
    codeCertificationCnav: string | null
  }
  /** Contact details (`modalitesContact`, 0..1), `null` when absent. */
  contact: {
    /** `modalitesContact.telephone`. */
    telephone: string | null
    /** `modalitesContact.telephone2`. */
    telephone2: string | null
    /** `modalitesContact.email`. */
    email: string | null
    /** Whether the e-mail was validated, as France Travail codes it (`modalitesContact.codeValiditeEmail`). */
    codeValiditeEmail: string | null
  } | null
  /** Postal address, in the lines of the French postal standard (`adresse`). */
  adresse: {
    /** Addressee line (`adresse.ligneNom`). */
    ligneNom: string
    /** `adresse.ligneComplementDestinataire`. */
    complementDestinataire: string | null
    /** `adresse.ligneComplementAdresse`. */
    complementAdresse: string | null
    /** Number and street (`adresse.ligneVoie`). */
    voie: string | null
    /** `adresse.ligneComplementDistribution`. */
    complementDistribution: string | null
    /** `adresse.codePostal`. */
    codePostal: string
    /** `adresse.localite`. */
    localite: string
    /** INSEE (COG) code of the commune (`adresse.inseecommune`). */
    codeInseeCommune: string
  }
}

/**
 * France Travail `statut` payload → {@link FranceTravailStatut}. `now` (milliseconds) decides
 * whether an end of registration is past; it defaults to the time of the call.
 *
 * @example
 * ```ts
 * const data = normalizeStatut(parsePayload('france-travail-statut', statutSchema, body))
 * ```
 */
export function normalizeStatut(raw: StatutPayload, now: number = Date.now()): FranceTravailStatut {
  const { etatCivil, modalitesContact: contact, adresse, situationInscription: situation } = raw
  const cessation = situation ? text(situation.dateCessationInscription) : null
  // A date-time with an offset is an instant; a bare date counts from midnight UTC.
  return {
    inscrit: situation ? cessation === null || endInstant(cessation) > now : false,
    categorie: situation ? { code: situation.categorieInscription, libelle: text(situation.libellecategorieInscription) } : null,
    dateInscription: situation ? calendarDay(situation.dateInscription) : null,
    dateCessation: cessation === null ? null : calendarDay(cessation),
    identite: {
      civilite: etatCivil.civilite,
      nom: etatCivil.nom,
      nomUsage: text(etatCivil.nomUsage),
      prenom: etatCivil.prenom,
      sexe: etatCivil.sexe,
      dateNaissance: calendarDay(etatCivil.dateNaissance),
      codeCertificationCnav: text(etatCivil.codeCertificationCNAV),
    },
    contact: contact
      ? {
          telephone: text(contact.telephone),
          telephone2: text(contact.telephone2),
          email: text(contact.email),
          codeValiditeEmail: text(contact.codeValiditeEmail),
        }
      : null,
    adresse: {
      ligneNom: adresse.ligneNom,
      complementDestinataire: text(adresse.ligneComplementDestinataire),
      complementAdresse: text(adresse.ligneComplementAdresse),
      voie: text(adresse.ligneVoie),
      complementDistribution: text(adresse.ligneComplementDistribution),
      codePostal: adresse.codePostal,
      localite: adresse.localite,
      codeInseeCommune: adresse.inseecommune,
    },
  }
}

/**
 * The instant an end of registration stands for; a partial date (`2030-00-00`) counts from the start
 * of its known part (`2030`), the earliest it can be.
 */
function endInstant(value: string): number {
  const instant = Date.parse(value)
  return Number.isNaN(instant) ? Date.parse(calendarDay(value)) : instant
}

/** An optional string: absent, null and blank become `null`, the rest is trimmed. */
function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim()
  return trimmed ? trimmed : null
}
