import { describe, expect, it } from 'vitest'
import { isBearerTokenSyntax, readBearerToken } from '../../../src/data-provider/index.js'

describe('readBearerToken', () => {
  it('reads the token from a Node header record or a fetch Headers', () => {
    expect(readBearerToken({ headers: { authorization: 'Bearer abc-DEF_0.9~+/==' } })).toEqual({
      kind: 'token',
      token: 'abc-DEF_0.9~+/==',
    })
    expect(readBearerToken({ headers: { Authorization: 'bearer abc' } })).toEqual({ kind: 'token', token: 'abc' })
    expect(readBearerToken({ headers: new Headers({ authorization: 'BEARER abc' }) })).toEqual({ kind: 'token', token: 'abc' })
  })

  it('sees no credentials without the header or with another scheme', () => {
    expect(readBearerToken({ headers: {} })).toEqual({ kind: 'absent' })
    expect(readBearerToken({ headers: { authorization: undefined } })).toEqual({ kind: 'absent' })
    expect(readBearerToken({ headers: new Headers() })).toEqual({ kind: 'absent' })
    expect(readBearerToken({ headers: { authorization: 'Basic dXNlcjpwYXNz' } })).toEqual({ kind: 'absent' })
    expect(readBearerToken({ headers: { authorization: 'Bearerabc' } })).toEqual({ kind: 'absent' })
  })

  it('calls malformed an empty or ill-formed bearer token, or several headers', () => {
    for (const authorization of ['Bearer', 'Bearer ', 'Bearer a b', 'Bearer a,b', 'Bearer =abc', `Bearer ${'a'.repeat(4097)}`]) {
      expect(readBearerToken({ headers: { authorization } }), authorization).toEqual({ kind: 'malformed' })
    }
    expect(readBearerToken({ headers: { authorization: ['Bearer a', 'Bearer b'] } })).toEqual({ kind: 'malformed' })
    expect(readBearerToken({ headers: { authorization: 'Bearer a', Authorization: 'Basic b' } })).toEqual({ kind: 'malformed' })
  })
})

describe('isBearerTokenSyntax', () => {
  it('accepts RFC 6750 b64tokens only', () => {
    expect(isBearerTokenSyntax('Wn5igB6_frAVBXQgShzI0znLE3fid2cWZHR9TWtqxZM')).toBe(true)
    expect(isBearerTokenSyntax('9af033eb295d0fe113988d29a26527f920114973b3a1ca7bdb44768fd0c73937')).toBe(true)
    for (const value of ['', ' ', 'a b', 'a"b', 'é', null, 42, undefined]) expect(isBearerTokenSyntax(value)).toBe(false)
  })
})
