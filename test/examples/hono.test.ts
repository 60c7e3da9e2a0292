/** examples/hono, driven over HTTP against the sandbox (on Node through @hono/node-server). */
import { getRequestListener } from '@hono/node-server'
import { createApp } from '../../examples/hono/app.js'
import { exampleSuite } from './example-suite.js'

exampleSuite('hono', (options) => getRequestListener(createApp(options).fetch))
