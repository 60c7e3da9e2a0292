import { birthDateOf, type SituationFamilleCode, type SituationIrPayload } from './schema.js'

/** The situation de famille of the foyer fiscal (`sitFam`: M, O, C, D, V). */
export type SituationFamiliale = 'marie' | 'pacse' | 'celibataire' | 'divorce' | 'veuf'

/** One déclarant of the foyer (DGFiP sends at most two). Names are as DGFiP writes them: uppercase. */
export interface Declarant {
  /** 1 for the first déclarant (`…Dec1` fields), 2 for the second (`…Dec2`). */
  rang: 1 | 2
  /** Nom de naissance (`nmNaiDecN`; scope `dgfip_nmNaiDecN` or `dgfip_decl`), spaces trimmed and collapsed. */
  nomNaissance?: string
  /** Nom d'usage (`nmUsaDecN`; scope `dgfip_nmUsaDecN` or `dgfip_decl`). */
  nomUsage?: string
  /** Prénoms, in order (`prnmDecN`, space-separated at DGFiP; scope `dgfip_prnmDecN` or `dgfip_decl`). */
  prenoms?: string[]
  /**
   * Date de naissance, ISO (`dateNaisDecN` `{ jour, mois, annee }`; scope `dgfip_dateNaisDecN` or
   * `dgfip_decl`): `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when DGFiP gives the day or month as unknown (`00`).
   */
  dateNaissance?: string
  /** Département de naissance as sent (`dptNaissDecN`; ⚠️ format undocumented). */
  departementNaissance?: string
  /** Lieu de naissance as sent (`lieuNaissDecN`). */
  lieuNaissance?: string
}

/** The fiscal address at 1 January of year N+1 (`aft`, `aftDetail`; scope `dgfip_aft`). */
export interface AdresseFiscale {
  /** The whole address on one line (`aft`). */
  libelle?: string
  /** Building, staircase, apartment (`aftDetail.complementAdresse`). */
  complement?: string
  /** Number and street (`aftDetail.voie`). */
  voie?: string
  /** Commune (`aftDetail.getcommune`, or `aftDetail.commune` in the 2019 spec). */
  commune?: string
  /**
   * The delivery line, postcode then town, e.g. `93160 NOISY LE GRAND` (`aftDetail.getcodePostal`, or
   * `aftDetail.codePostal`): despite its name, DGFiP's examples put the town in this field.
   */
  ligneAcheminement?: string
  /** The five-digit postcode at the start of {@link AdresseFiscale.ligneAcheminement}, when there is one (derived). */
  codePostal?: string
}

/**
 * Dependants by the box of the déclaration 2042 they are counted in (`pac`; scope `dgfip_pac`). Box
 * meanings come from DGFiP's presentation v2.8 §7 as summarised in the reference (⚠️ not from the spec).
 */
export interface PersonnesACharge {
  /** All dependants (`pac.nbPac`). */
  total?: number
  /** Box F: children in exclusive residence (`pac.nbPacF`). */
  caseF?: number
  /** Box G: of those, holders of an invalidity card (`pac.nbPacG`). */
  caseG?: number
  /** Box H: children in alternating residence (`pac.nbPacH`). */
  caseH?: number
  /** Box I: of those, holders of an invalidity card (`pac.nbPacI`). */
  caseI?: number
  /** Box J: unmarried adult children attached (`pac.nbPacJ`). */
  caseJ?: number
  /** Box N: married children or children with a family, attached (`pac.nbPacN`). */
  caseN?: number
  /** Box P: grandchildren in alternating residence (`pac.nbPacP`). */
  caseP?: number
  /** Box R: other invalid persons living in the household (`pac.nbPacR`). */
  caseR?: number
}

/**
 * The income-tax situation of the signed-in person's foyer fiscal for one year of income, as DGFiP
 * gives it through the API Impôt particulier. Fields whose scope was not granted (or that DGFiP does
 * not send) are absent. Amounts are numbers in euros (⚠️ presumed: the spec states no unit).
 */
export interface ImpotParticulier {
  /** The year of income asked for (the avis d'impôt of `annee + 1`); `annRevenu` when DGFiP sends it. */
  annee: number
  /** Revenu fiscal de référence, euros ⚠️ (`rfr`; scope `dgfip_rfr`). */
  revenuFiscalReference?: number
  /** Nombre de parts, e.g. 2.5 (`nbPart`; scope `dgfip_nbpart`). */
  nombreParts?: number
  /** Situation de famille (`sitFam`; scope `dgfip_sitfam`). */
  situationFamiliale?: SituationFamiliale
  /** Number of dependants (`pac.nbPac`; scope `dgfip_nbpac` or `dgfip_pac`). */
  nombrePersonnesACharge?: number
  /** Dependants by box (`pac.*`; scope `dgfip_pac`). */
  personnesACharge?: PersonnesACharge
  /** Fiscal address (`aft`, `aftDetail`; scope `dgfip_aft`). */
  adresseFiscale?: AdresseFiscale
  /** The déclarants DGFiP sent, first then second; empty when no civil-status scope was granted. */
  declarants: Declarant[]
  /** Revenu brut global, euros ⚠️ (`revenuBrutGlobal`). */
  revenuBrutGlobal?: number
  /** Revenu imposable, euros ⚠️ (`revImposable`). */
  revenuImposable?: number
  /** Impôt sur les revenus soumis au barème, line 14 of the avis, euros ⚠️ (`mntRevbareme`; scope `dgfip_mntRevbareme`). */
  impotRevenusBareme?: number
  /** Impôt avant imputations, euros ⚠️ (`impAvImput`). */
  impotAvantImputations?: number
  /** Montant total de l'impôt sur le revenu, euros ⚠️ (`montTotIr`). */
  montantTotalImpot?: number
}

const situations: Record<SituationFamilleCode, SituationFamiliale> = {
  M: 'marie',
  O: 'pacse',
  C: 'celibataire',
  D: 'divorce',
  V: 'veuf',
}

/**
 * DGFiP `SituationsIRAssiettesJAXBbean` → {@link ImpotParticulier}. `annee` is the year asked for,
 * used when the payload does not carry `annRevenu`.
 */
export function normalizeSituationIr(raw: SituationIrPayload, annee: number): ImpotParticulier {
  const result: ImpotParticulier = { annee: raw.annRevenu ?? annee, declarants: [] }
  setIfPresent(result, 'revenuFiscalReference', raw.rfr)
  setIfPresent(result, 'nombreParts', raw.nbPart)
  if (raw.sitFam) result.situationFamiliale = situations[raw.sitFam]
  if (raw.pac) {
    setIfPresent(result, 'nombrePersonnesACharge', raw.pac.nbPac)
    const detail = compact<PersonnesACharge>({
      total: raw.pac.nbPac,
      caseF: raw.pac.nbPacF,
      caseG: raw.pac.nbPacG,
      caseH: raw.pac.nbPacH,
      caseI: raw.pac.nbPacI,
      caseJ: raw.pac.nbPacJ,
      caseN: raw.pac.nbPacN,
      caseP: raw.pac.nbPacP,
      caseR: raw.pac.nbPacR,
    })
    if (detail) result.personnesACharge = detail
  }
  const adresse = normalizeAdresse(raw)
  if (adresse) result.adresseFiscale = adresse
  for (const rang of [1, 2] as const) {
    const declarant = normalizeDeclarant(raw, rang)
    if (declarant) result.declarants.push(declarant)
  }
  setIfPresent(result, 'revenuBrutGlobal', raw.revenuBrutGlobal)
  setIfPresent(result, 'revenuImposable', raw.revImposable)
  setIfPresent(result, 'impotRevenusBareme', raw.mntRevbareme)
  setIfPresent(result, 'impotAvantImputations', raw.impAvImput)
  setIfPresent(result, 'montantTotalImpot', raw.montTotIr)
  return result
}

function normalizeDeclarant(raw: SituationIrPayload, rang: 1 | 2): Declarant | undefined {
  const date = rang === 1 ? raw.dateNaisDec1 : raw.dateNaisDec2
  const prenoms = cleanName(rang === 1 ? raw.prnmDec1 : raw.prnmDec2)
  const fields = compact<Omit<Declarant, 'rang'>>({
    nomNaissance: cleanName(rang === 1 ? raw.nmNaiDec1 : raw.nmNaiDec2),
    nomUsage: cleanName(rang === 1 ? raw.nmUsaDec1 : raw.nmUsaDec2),
    prenoms: prenoms?.split(' '),
    dateNaissance: date ? birthDateOf(date) : undefined,
    departementNaissance: cleanName(rang === 1 ? raw.dptNaissDec1 : raw.dptNaissDec2),
    lieuNaissance: cleanName(rang === 1 ? raw.lieuNaissDec1 : raw.lieuNaissDec2),
  })
  return fields ? { rang, ...fields } : undefined
}

function normalizeAdresse(raw: SituationIrPayload): AdresseFiscale | undefined {
  const detail = raw.aftDetail
  const ligneAcheminement = cleanName(detail?.getcodePostal ?? detail?.codePostal)
  return compact<AdresseFiscale>({
    libelle: cleanName(raw.aft),
    complement: cleanName(detail?.complementAdresse),
    voie: cleanName(detail?.voie),
    commune: cleanName(detail?.getcommune ?? detail?.commune),
    ligneAcheminement,
    codePostal: ligneAcheminement === undefined ? undefined : /^([0-9]{5})(?:\s|$)/.exec(ligneAcheminement)?.[1],
  })
}

/** Trims and collapses runs of spaces; an empty or null value is absent. */
function cleanName(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined
  const cleaned = value.trim().replace(/\s+/g, ' ')
  return cleaned === '' ? undefined : cleaned
}

function setIfPresent<K extends keyof ImpotParticulier>(
  target: ImpotParticulier,
  key: K,
  value: ImpotParticulier[K] | null | undefined,
): void {
  if (value !== null && value !== undefined) target[key] = value
}

/** The object without its null or undefined fields, or undefined when nothing is left. */
function compact<T extends object>(fields: { [K in keyof T]: T[K] | null | undefined }): T | undefined {
  const entries = Object.entries(fields).filter(([, value]) => value !== null && value !== undefined)
  return entries.length === 0 ? undefined : (Object.fromEntries(entries) as T)
}
