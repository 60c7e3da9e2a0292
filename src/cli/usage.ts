/** The CLI's usage texts: the command's, and each subcommand's (`franceconnect-sdk <command> --help`). */

export const mainUsage = `Usage: franceconnect-sdk <command> [options]

FranceConnect on this machine, with nothing registered: a whole sign-in against a local sandbox, the
sandbox on its own for your app, and a check of a real provider's configuration.

Commands:
  demo       Sign in through the sandbox, fetch every API, print the identity and the data, log out
  sandbox    Run the sandbox (mock FranceConnect + mock data APIs) and print its configuration
  doctor     Check a provider's discovery document and keys against the SDK's preset

Options:
  -h, --help     Show this help, or a command's (franceconnect-sdk demo --help)
  -v, --version  Show the version

Examples:
  npx franceconnect-sdk demo
  npx franceconnect-sdk demo --serve --port 3000
  npx franceconnect-sdk sandbox --port 4000
  npx franceconnect-sdk doctor --issuer https://fcp-low.sbx.dev-franceconnect.fr/api/v2 --client-id <id>`

export const demoUsage = `Usage: franceconnect-sdk demo [--variant v2|fcplus|v1] [--identity <n|id>]
       franceconnect-sdk demo --serve [--port N] [--variant v2|fcplus|v1]

Starts the sandbox, signs in as a test person through the mock FranceConnect's pages (over HTTP),
calls getAllData over every API connector, prints the identity and each API's data as tables with
how long each step took, revokes the token, logs out, stops the sandbox. Fictitious people and data.

Options:
  --variant <v>      v2 (FranceConnect, default), fcplus (FranceConnect+, eIDAS 2, encrypted
                     tokens; DGFiP, CNAM and CNOUS only), v1 (legacy)
  --identity <n|id>  The person: index on the login page (0 = Angela Claire Louise DUBOIS, default),
                     id (lea-martin), or family name
  --serve            Instead: start the example web app (examples/node-http) against the sandbox,
                     for a person to try in a browser; runs until Ctrl-C
  --port <N>         With --serve: the app's port on 127.0.0.1 (default 3000; 0 for any free port)
  -h, --help         Show this help`

export const sandboxUsage = `Usage: franceconnect-sdk sandbox [--port N] [--variant v2|fcplus|v1|proconnect]

Runs the sandbox until Ctrl-C (or SIGTERM): a mock FranceConnect and a mock of every data API on
127.0.0.1, and prints what your app's configuration needs: issuer, client id and secret, redirect
and logout URIs, encryption keys (FranceConnect+), each API's base URL and credentials, and the
same as environment variables (what examples/*/server.ts read). The credentials are derived from
a seed: the same at every start, so a pasted .env keeps working.

Options:
  --port <N>                  The mock FranceConnect's port (default: a free one); the mock APIs
                              listen on N+1
  --variant <v>               v2 (default), fcplus, v1, or proconnect (agents, eidas0 to eidas3,
                              refresh tokens)
  --client-id <id>            The client id to register (default: derived from the seed)
  --client-secret <secret>    Its secret, 32 characters or more (default: derived from the seed)
  --seed <text>               What the made-up credentials derive from (default
                              franceconnect-sdk-sandbox)
  --userinfo <jwt|json>       ProConnect: signed (default) or plain JSON userinfo
  --redirect-uri <url>        Your app's callback (default http://127.0.0.1:3000/callback)
  --post-logout-redirect-uri <url>
                              Where logout returns (default http://127.0.0.1:3000/logout-callback)
  -h, --help                  Show this help`

export const doctorUsage = `Usage: franceconnect-sdk doctor --issuer <url> --client-id <id> [--preset <p>] [--redirect-uri <url>]

Fetches the provider's discovery document and key set (with the SDK's own transport and timeouts)
and reports, line by line, what differs from what the preset expects: issuer, endpoints, signature
algorithms, eIDAS levels, encryption (FranceConnect+), client authentication, the callback's iss,
usable keys. With --redirect-uri, also sends the SDK's authorization request to see whether the
provider knows the client and its callback. Nothing is changed at the provider.

  ✔ as expected   ! differs, sign-in still works   ✘ blocks a sign-in   – not checked

Exits 1 when something blocks a sign-in, 0 otherwise.

Each option defaults to the variable the sandbox prints and the examples read: FC_ISSUER,
FC_CLIENT_ID, FC_REDIRECT_URI, FC_PROVIDER.

Options:
  --issuer <url>        The issuer, e.g. https://oidc.franceconnect.gouv.fr/api/v2
  --client-id <id>      Your client id at this provider
  --preset <p>          franceconnect (default), franceconnect-plus, proconnect or oidc
  --redirect-uri <url>  Your registered callback: checks the client and the authorization request
  --timeout <ms>        Per request (default 10000)
  -h, --help            Show this help`
