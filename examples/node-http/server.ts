/**
 * `npx tsx examples/node-http/server.ts`: the node:http example on http://127.0.0.1:3000/ (PORT),
 * against a sandbox of its own, or the provider of FC_ISSUER / FC_ENV (see ../shared/config.ts).
 */
import { runExample } from '../shared/run.js'
import { createApp } from './app.js'

await runExample('node:http', (options) => createApp(options))
