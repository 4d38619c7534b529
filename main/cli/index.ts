import { runCli } from './run'

// Only as the program itself: the bundler may put shared runtime code in this entry's chunk, and
// the app (index.js) and the session worker (session-worker.js) then load it without meaning to
// run the command line.
if (require.main === module) {
  // Output piped into a program that stops reading (`| head`) is not an error: stop quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0)
    throw error
  })

  void runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then((code) => {
    process.exitCode = code
  })
}
