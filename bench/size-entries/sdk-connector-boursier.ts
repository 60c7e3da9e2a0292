// (c) The first connector with the shared HTTP layer: statut-etudiant-boursier, called alone with a
// FranceConnect access token.
import { statutEtudiantBoursier } from 'franceconnect-sdk/apis/statut-etudiant-boursier'

const boursier = statutEtudiantBoursier({ recipient: '13002526500013' })

export const fetchBoursier = (accessToken: string) => boursier.read({ accessToken })
