import nock from 'nock'
import { afterEach, beforeAll, expect, it } from 'vitest'
import { verifyAccessToken } from '../../../src/data-provider/index.js'

beforeAll(() => nock.disableNetConnect())
afterEach(() => nock.cleanAll())

it('keeps a token that FranceConnect v1 echoes in its message out of the error', async () => {
  const token = 'Echoed_Token-1234567890abcdefABCDEF_xyz-4242'
  nock('https://fcp.example.fr').post('/api/v1/checktoken').reply(401, { status: 'fail', message: token })
  const error = await verifyAccessToken(token, { version: 'v1', issuer: 'https://fcp.example.fr' }).then(
    () => undefined,
    (e: unknown) => e as Record<string, unknown>,
  )
  expect(error).toMatchObject({ code: 'checktoken_error', status: 401 })
  expect(error?.providerCode).toBeUndefined()
  expect(JSON.stringify(error) + String(error)).not.toContain(token)
})

it('still keeps a code-like v1 message as the provider code', async () => {
  nock('https://fcp.example.fr').post('/api/v1/checktoken').reply(401, { status: 'fail', message: 'client_not_allowed' })
  await expect(verifyAccessToken('a'.repeat(43), { version: 'v1', issuer: 'https://fcp.example.fr' })).rejects.toMatchObject({
    providerCode: 'client_not_allowed',
  })
})
