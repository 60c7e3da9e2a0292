// (c) The first connector with the shared HTTP layer: statut-etudiant-boursier, called alone with a
// FranceConnect access token.
import { statutEtudiantBoursier } from '../../src/apis/statut-etudiant-boursier/index.js'

const boursier = statutEtudiantBoursier({ recipient: '13002526500013' })

export const fetchBoursier = (accessToken: string) => boursier.fetch({ accessToken })
