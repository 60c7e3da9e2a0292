/** examples/fastify, driven over HTTP against the sandbox (mounted through `app.routing`, as its server.ts does). */
import { createApp } from '../../examples/fastify/app.js'
import { exampleSuite } from './example-suite.js'

exampleSuite('fastify', async (options) => {
  const app = createApp(options)
  await app.ready()
  return (request, response) => app.routing(request, response)
})
