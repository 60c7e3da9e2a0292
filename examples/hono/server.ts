/**
 * `npx tsx examples/hono/server.ts`: the Hono example on http://127.0.0.1:3000/ (PORT), against a
 * sandbox of its own, or the provider of FC_ISSUER / FC_ENV (see ../shared/config.ts).
 */
import { getRequestListener } from '@hono/node-server'
import { runExample } from '../shared/run.js'
import { createApp } from './app.js'

await runExample('Hono', (options) => getRequestListener(createApp(options).fetch))
