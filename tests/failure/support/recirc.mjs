// What the failure tests share: starting `recirc demo` on a database, logging in a demo user, and
// making valid IMEIs.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../../..');
export const bin = process.env.RECIRC_BIN ?? join(root, 'build/debug/src/app/recirc');

/** Starts `recirc demo` on `dataDir` (and `database`, and `configFile` when given); resolves to { child, base }. */
export function start(dataDir, database, configFile) {
  const args = ['demo', '--data-dir', dataDir, '--listen', '127.0.0.1:0'];
  if (configFile) args.push('--config', configFile);
  if (database) args.push('--database', database);
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolvePromise, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/listening on (http:\/\/[\d.]+:\d+)/);
      if (m) {
        clearTimeout(timer);
        resolvePromise({ child, base: m[1] });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

/** Logs a demo user in; resolves to { cookie, csrf, organisation }. */
export async function login(base, username) {
  const r = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: 'recirc-demo' }),
  });
  assert.equal(r.status, 200);
  const body = await r.json();
  return {
    cookie: r.headers.get('set-cookie').split(';')[0],
    csrf: body.csrf_token,
    organisation: body.organisation.id,
  };
}

/** A valid IMEI (Luhn check digit) from a two-digit prefix and a number. */
export function imei(prefix, n) {
  const first14 = `${prefix}${String(n).padStart(12, '0')}`;
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    let d = Number(first14[i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return first14 + String((10 - (sum % 10)) % 10);
}
