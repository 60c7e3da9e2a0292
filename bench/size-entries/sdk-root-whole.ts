// (e) The root entry imported whole: everything it exports kept alive. Its metafile must hold
// nothing from src/apis/, src/testing/, src/stores/redis-store.ts, nor ky.
export * from '../../src/index.js'
