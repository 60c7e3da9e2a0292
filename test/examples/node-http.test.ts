/** examples/node-http, driven over HTTP against the sandbox. */
import { createApp } from '../../examples/node-http/app.js'
import { exampleSuite } from './example-suite.js'

exampleSuite('node-http', (options) => createApp(options), { sessionCookie: 'signed-id' })
