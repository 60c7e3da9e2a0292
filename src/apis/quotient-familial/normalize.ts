import type { QuotientFamilialPayload } from './schema.js'

/** A member of the household: an allocataire (or their partner) or a child. */
export interface Personne {
  /** Birth name (`nom_naissance`). */
  nomNaissance: string
  /** Usual name, or null when there is none (`nom_usage`; an empty string becomes null). */
  nomUsage: string | null
  /** First names, space-separated, as the provider writes them (`prenoms`). */
  prenoms: string
  /** Date of birth, ISO date (`date_naissance`). */
  dateNaissance: string
  /** Sex: `F` or `M` (`sexe`). */
  sexe: 'F' | 'M'
}

/** The household's postal address, line by line; an absent or empty line is null. */
export interface Adresse {
  /** Addressee line (`destinataire`). */
  destinataire: string | null
  /** Flat, floor, care-of (`complement_information`). */
  complementInformation: string | null
  /** Building, residence, entrance (`complement_information_geographique`). */
  complementInformationGeographique: string | null
  /** Number and street (`numero_libelle_voie`). */
  numeroLibelleVoie: string | null
  /** Lieu-dit (`lieu_dit`). */
  lieuDit: string | null
  /** Postcode and town, one line (`code_postal_ville`). */
  codePostalVille: string | null
  /** Country (`pays`). */
  pays: string | null
}

/** The quotient familial, as CNAF or MSA computed it, and the household it rests on. Blocks whose scope was not granted are absent. */
export interface QuotientFamilial {
  /** The quotient and its period (`quotient_familial`; scope `cnaf_quotient_familial`). */
  quotientFamilial?: {
    /** The quotient familial, an integer (`quotient_familial.valeur`); ⚠️ its unit is not stated (euros presumed). */
    valeur: number
    /** Who computed it: `CNAF` or `MSA` (`quotient_familial.fournisseur`). */
    fournisseur: 'CNAF' | 'MSA'
    /** Year of the month the quotient applies to (`quotient_familial.annee`). */
    annee: number
    /** Month, 1 to 12, the quotient applies to (`quotient_familial.mois`). */
    mois: number
    /** Year the quotient was computed (`quotient_familial.annee_calcul`). */
    anneeCalcul: number
    /** Month, 1 to 12, the quotient was computed (`quotient_familial.mois_calcul`). */
    moisCalcul: number
  }
  /** The allocataire and their partner (`allocataires`; scope `cnaf_allocataires`). */
  allocataires?: Personne[]
  /** The children of the household (`enfants`; scope `cnaf_enfants`). */
  enfants?: Personne[]
  /** The household's address (`adresse`; scope `cnaf_adresse`). */
  adresse?: Adresse
}

type RawPersonne = NonNullable<QuotientFamilialPayload['data']['allocataires']>[number]

/** API Particulier v3 payload → {@link QuotientFamilial}. */
export function normalizeQuotientFamilial(raw: QuotientFamilialPayload): QuotientFamilial {
  const { data } = raw
  const result: QuotientFamilial = {}
  if (data.quotient_familial) {
    const qf = data.quotient_familial
    result.quotientFamilial = {
      valeur: qf.valeur,
      fournisseur: qf.fournisseur,
      annee: qf.annee,
      mois: qf.mois,
      anneeCalcul: qf.annee_calcul,
      moisCalcul: qf.mois_calcul,
    }
  }
  if (data.allocataires) result.allocataires = data.allocataires.map(normalizePersonne)
  if (data.enfants) result.enfants = data.enfants.map(normalizePersonne)
  if (data.adresse) {
    const adresse = data.adresse
    result.adresse = {
      destinataire: blankToNull(adresse.destinataire),
      complementInformation: blankToNull(adresse.complement_information),
      complementInformationGeographique: blankToNull(adresse.complement_information_geographique),
      numeroLibelleVoie: blankToNull(adresse.numero_libelle_voie),
      lieuDit: blankToNull(adresse.lieu_dit),
      codePostalVille: blankToNull(adresse.code_postal_ville),
      pays: blankToNull(adresse.pays),
    }
  }
  return result
}

function normalizePersonne(personne: RawPersonne): Personne {
  return {
    nomNaissance: personne.nom_naissance,
    nomUsage: blankToNull(personne.nom_usage),
    prenoms: personne.prenoms,
    dateNaissance: personne.date_naissance,
    sexe: personne.sexe,
  }
}

function blankToNull(value: string | null): string | null {
  if (value === null) return null
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}
