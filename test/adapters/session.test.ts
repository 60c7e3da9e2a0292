/** The sealed session cookie: tampered, expired, rotated, kept small; the server-side store. */
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  createSealer,
  createSessionKeeper,
  memorySessionStore,
  parseCookieHeader,
  toSignedInSession,
} from '../../src/adapters/core/index.js'
import { fakeSession } from './fake-client.js'

const secret = 'a-session-secret-of-at-least-32-characters'
const newSecret = 'the-new-session-secret-of-32-characters-at-least'
const cookiesOf = (setCookie: string) => parseCookieHeader(setCookie.split(';')[0])

afterEach(() => vi.useRealTimers())

describe('the sealed session cookie', () => {
  it('round-trips a session, HttpOnly, SameSite=Lax, Secure when asked', async () => {
    const keeper = createSessionKeeper({ secret })
    const setCookie = await keeper.write(toSignedInSession(fakeSession, {}), true)
    expect(setCookie).toMatch(/^fc_session=[\w.-]+; Path=\/; Max-Age=1800; HttpOnly; SameSite=Lax; Secure$/)
    expect(await keeper.write(toSignedInSession(fakeSession, {}), false)).not.toContain('Secure')
    expect((await keeper.read(cookiesOf(setCookie)))?.claims.given_name).toBe('Angela Claire Louise')
  })

  it('is encrypted: neither the name nor the sub can be read in it', async () => {
    const setCookie = await createSessionKeeper({ secret }).write(toSignedInSession(fakeSession, {}), true)
    const parts = cookiesOf(setCookie)
      .fc_session!.split('.')
      .map((part) => Buffer.from(part, 'base64url').toString('latin1'))
    expect(parts.join('')).not.toContain('Angela')
    expect(parts.join('')).not.toContain(fakeSession.sub)
  })

  it('refuses a tampered cookie', async () => {
    const keeper = createSessionKeeper({ secret })
    const sealed = cookiesOf(await keeper.write(toSignedInSession(fakeSession, {}), true)).fc_session!
    const [header, key, iv, ciphertext, tag] = sealed.split('.') as [string, string, string, string, string]
    const flipped = (part: string) => `${part.slice(0, 5)}${part[5] === 'A' ? 'B' : 'A'}${part.slice(6)}`
    for (const forged of [
      [header, key, iv, flipped(ciphertext), tag],
      [header, key, iv, ciphertext, flipped(tag)],
      [header, key, flipped(iv), ciphertext, tag],
    ])
      expect(await keeper.read({ fc_session: forged.join('.') })).toBeUndefined()
    expect(await keeper.read({ fc_session: 'not-a-jwe' })).toBeUndefined()
    expect(await keeper.read({})).toBeUndefined()
  })

  it('refuses an expired cookie, even if the browser still sends it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const keeper = createSessionKeeper({ secret, maxAgeSec: 60 })
    const cookies = cookiesOf(await keeper.write(toSignedInSession(fakeSession, {}), true))
    vi.setSystemTime(Date.now() + 59_000)
    expect(await keeper.read(cookies)).toBeDefined()
    vi.setSystemTime(Date.now() + 2_000)
    expect(await keeper.read(cookies)).toBeUndefined()
  })

  it('rotates secrets: the first seals, every one opens, a dropped one no longer opens', async () => {
    const before = cookiesOf(await createSessionKeeper({ secret }).write(toSignedInSession(fakeSession, {}), true))
    const rotated = createSessionKeeper({ secret: [newSecret, secret] })
    expect((await rotated.read(before))?.sub).toBe(fakeSession.sub)
    const after = cookiesOf(await rotated.write(toSignedInSession(fakeSession, {}), true))
    expect((await createSessionKeeper({ secret: newSecret }).read(after))?.sub).toBe(fakeSession.sub)
    expect(await createSessionKeeper({ secret }).read(after)).toBeUndefined()
    expect(await createSessionKeeper({ secret: newSecret }).read(before)).toBeUndefined()
  })

  it('refuses short secrets', () => {
    expect(() => createSealer('short')).toThrow(expect.objectContaining({ code: 'configuration_invalid' }))
    expect(() => createSealer([secret, 'short'])).toThrow(expect.objectContaining({ code: 'configuration_invalid' }))
    expect(() => createSealer([])).toThrow(expect.objectContaining({ code: 'configuration_invalid' }))
  })

  it('keeps the tokens out unless asked, and stays well under the 4 KB browsers keep per cookie', async () => {
    const sealer = createSealer(secret)
    const keeper = createSessionKeeper({ secret })
    const small = cookiesOf(await keeper.write(toSignedInSession(fakeSession, {}), true))
    const opened = (await sealer.open(small.fc_session)) as { session: Record<string, unknown> }
    expect(opened.session).not.toHaveProperty('accessToken')
    expect(opened.session).not.toHaveProperty('refreshToken')
    expect(opened.session).toMatchObject({ sub: fakeSession.sub, acr: 'eidas1', idToken: fakeSession.idToken })
    expect(small.fc_session!.length).toBeLessThan(1500)
    const withTokens = await createSessionKeeper({ secret, keepTokens: true }).write(
      toSignedInSession(fakeSession, { keepTokens: true }),
      true,
    )
    expect((await keeper.read(cookiesOf(withTokens)))?.accessToken).toBe('access-token-secret')
  })
})

describe('a server-side session store', () => {
  it('puts only a sealed id in the cookie, and ends the session in the store at logout', async () => {
    const store = memorySessionStore()
    const keeper = createSessionKeeper({ secret, store })
    const cookies = cookiesOf(await keeper.write(toSignedInSession(fakeSession, {}), true))
    const opened = (await createSealer(secret).open(cookies.fc_session)) as { id: string }
    expect(Object.keys(opened)).toEqual(['id'])
    expect((await store.get(opened.id))?.sub).toBe(fakeSession.sub)
    expect((await keeper.read(cookies))?.sub).toBe(fakeSession.sub)
    expect(await keeper.end(cookies, true)).toMatch(/^fc_session=; Path=\/; Max-Age=0;/)
    expect(await store.get(opened.id)).toBeUndefined()
    // the old cookie, replayed, finds nothing
    expect(await keeper.read(cookies)).toBeUndefined()
  })
})
