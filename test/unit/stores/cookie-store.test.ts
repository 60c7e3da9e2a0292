import { describe, expect, it } from 'vitest'
import { cookieStore } from '../../../src/index.js'

const secret = 'x'.repeat(40)

describe('cookieStore', () => {
  it('seals the value: the cookie does not show it', async () => {
    const store = cookieStore({ secret })
    const sealed = (await store.put('state-1', '{"nonce":"visible-nonce"}', 60)) as string
    expect(sealed).not.toContain('visible-nonce')
    expect(Buffer.from(sealed.split('.')[0]!, 'base64url').toString()).toContain('A256GCM')
  })

  it('opens it on any instance with the same secret, once per instance', async () => {
    const a = cookieStore({ secret })
    const b = cookieStore({ secret })
    const sealed = (await a.put('state-1', 'value', 60)) as string
    expect(await b.take('state-1', sealed)).toBe('value')
    expect(await b.take('state-1', sealed)).toBeUndefined()
  })

  it('binds the value to its state', async () => {
    const store = cookieStore({ secret })
    const sealed = (await store.put('state-1', 'value', 60)) as string
    expect(await store.take('state-2', sealed)).toBeUndefined()
  })

  it('refuses a tampered or foreign cookie with a typed error', async () => {
    const store = cookieStore({ secret })
    const sealed = (await store.put('state-1', 'value', 60)) as string
    const tampered = sealed.slice(0, -3) + (sealed.endsWith('AAA') ? 'BBB' : 'AAA')
    await expect(store.take('state-1', tampered)).rejects.toMatchObject({ code: 'store_value_invalid' })
    const other = cookieStore({ secret: 'y'.repeat(40) })
    await expect(other.take('state-1', sealed)).rejects.toMatchObject({ code: 'store_value_invalid' })
  })

  it('refuses an expired cookie', async () => {
    const store = cookieStore({ secret })
    const sealed = (await store.put('state-1', 'value', -1)) as string
    expect(await store.take('state-1', sealed)).toBeUndefined()
  })

  it('lets exactly one of many concurrent takes win', async () => {
    const store = cookieStore({ secret })
    const sealed = (await store.put('state-1', 'value', 60)) as string
    const results = await Promise.all(Array.from({ length: 50 }, () => store.take('state-1', sealed)))
    expect(results.filter((r) => r === 'value')).toHaveLength(1)
  })

  it('needs a long secret', () => {
    expect(() => cookieStore({ secret: 'short' })).toThrow(expect.objectContaining({ code: 'configuration_invalid' }))
  })
})
