/**
 * `npx tsx examples/fastify/server.ts`: the Fastify example on http://127.0.0.1:3000/ (PORT),
 * against a sandbox of its own, or the provider of FC_ISSUER / FC_ENV (see ../shared/config.ts).
 * The shared runner owns the HTTP server (it listens before the sandbox starts, so that the
 * sandbox knows the callback URL); Fastify routes its requests through `app.routing`.
 */
import { runExample } from '../shared/run.js'
import { createApp } from './app.js'

await runExample('Fastify', async (options) => {
  const app = createApp(options)
  await app.ready()
  return (request, response) => app.routing(request, response)
})
