// (e) The root entry imported whole: everything it exports kept alive. Its metafile must hold
// nothing from the connectors (dist/apis/), the sandbox (dist/testing/), the redis store, nor ky.
export * from 'franceconnect-sdk'
