/** examples/express, driven over HTTP against the sandbox. */
import { createApp } from '../../examples/express/app.js'
import { exampleSuite } from './example-suite.js'

exampleSuite('express', (options) => createApp(options))
