/**
 * `npx tsx examples/express/server.ts`: the Express example on http://127.0.0.1:3000/ (PORT),
 * against a sandbox of its own, or the provider of FC_ISSUER / FC_ENV (see ../shared/config.ts).
 */
import { runExample } from '../shared/run.js'
import { createApp } from './app.js'

await runExample('Express', (options) => createApp(options))
