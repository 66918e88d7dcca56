// Starts the real recirc binary for browser tests:
//   recirc demo --database sqlite:///<tmp>/recirc.db --listen 127.0.0.1:0 --web-root <dist> --data-dir <tmp>
// waits for its line "recirc listening on http://127.0.0.1:<port>", and stops it afterwards.
// RECIRC_BIN (default build/debug/src/app/recirc) and RECIRC_WEB_ROOT (default web/dist) choose
// what runs; both are relative to the repository root unless absolute.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const LISTENING = /recirc listening on (http:\/\/[^\s]+)/

function fromRoot(p) {
  return path.isAbsolute(p) ? p : path.join(REPO_ROOT, p)
}

export function serverPaths() {
  return {
    bin: fromRoot(process.env.RECIRC_BIN || 'build/debug/src/app/recirc'),
    webRoot: fromRoot(process.env.RECIRC_WEB_ROOT || 'web/dist'),
  }
}

/**
 * @param {{timeoutMs?: number, config?: string|null}} [options] `config`: TOML text passed as --config
 * @returns {Promise<{url: string, stop: () => Promise<void>, output: () => string}>}
 * Rejects with the server's output when it exits or does not report listening within the timeout.
 */
export async function startServer({ timeoutMs = 90_000, config = null } = {}) {
  const { bin, webRoot } = serverPaths()
  if (!existsSync(bin)) {
    throw new Error(`recirc binary not found at ${bin}: build it first (cmake --preset debug && cmake --build build/debug), or set RECIRC_BIN`)
  }
  if (!existsSync(path.join(webRoot, 'index.html'))) {
    throw new Error(`${webRoot}/index.html not found: run "npm ci && npm run build" in web/, or set RECIRC_WEB_ROOT`)
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'recirc-browser-'))
  // `config`: TOML text for --config (e.g. "[registry]\nhold_days = 0" for items sold at once).
  const configArgs = []
  if (config) {
    const file = path.join(dir, 'recirc.toml')
    await writeFile(file, config)
    configArgs.push('--config', file)
  }
  const args = [
    'demo',
    '--database', `sqlite://${path.join(dir, 'recirc.db')}`,
    '--listen', '127.0.0.1:0',
    '--web-root', webRoot,
    '--data-dir', dir,
    ...configArgs,
  ]
  const child = spawn(bin, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  let exited = null
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal }
      resolve(exited)
    })
  })

  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`recirc did not report listening within ${timeoutMs} ms:\n${output}`))
    }, timeoutMs)
    const onData = (chunk) => {
      output += chunk.toString()
      const m = output.match(LISTENING)
      if (m) {
        clearTimeout(timer)
        resolve(m[1].replace(/\/$/, ''))
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('error', (err) => {
      clearTimeout(timer)
      reject(err)
    })
    exitPromise.then((e) => {
      clearTimeout(timer)
      reject(new Error(`recirc exited (${e.code ?? e.signal}) before listening:\n${output}`))
    })
  }).catch(async (err) => {
    if (!exited) child.kill('SIGKILL')
    await rm(dir, { recursive: true, force: true })
    throw err
  })

  async function stop() {
    if (!exited) {
      child.kill('SIGTERM')
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exitPromise
      clearTimeout(killer)
    }
    await rm(dir, { recursive: true, force: true })
  }

  return { url, stop, output: () => output }
}
