/**
 * The control store of figures 2 and 7. The fixes it was written to try (an eviction iterator kept
 * across calls, a sweep timer armed at the earliest expiry) are now in src/stores/memory-store.ts,
 * so the control is that store itself: the "control" rows should match the SDK's rows.
 */
export { memoryStore as fixedMemoryStore } from '../../src/stores/memory-store.js'
