import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { writeE2eCaptures } from './captures'

export default function globalSetup(): void {
  const cli = resolve(__dirname, '../../out/main/cli.js')
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` before the end-to-end tests`)
  writeE2eCaptures()
}
