// Failure test: kill -9 the server in the middle of a stream of registrations, start it again on
// the same database, and check that every registration it acknowledged (201) is still there.
// Runs on SQLite, and on PostgreSQL when RECIRC_TEST_POSTGRES names a server (scripts/test.sh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { start, login, imei as imeiWith } from './support/recirc.mjs';

const imei = (n) => imeiWith('86', n);

async function scenario(database) {
  const dataDir = mkdtempSync(join(tmpdir(), 'recirc-kill9-'));
  try {
    let server = await start(dataDir, database);
    const clerk = await login(server.base, 'shop.clerk');
    const headers = { 'Content-Type': 'application/json', Cookie: clerk.cookie, 'X-CSRF-Token': clerk.csrf };
    const outlets = await (await fetch(`${server.base}/api/v1/organisations/${clerk.organisation}/outlets`, { headers })).json();
    const outletId = outlets.items[0].id;

    const acknowledged = [];
    let next = 0;
    let killed = false;
    const body = (n) => JSON.stringify({
      outlet_id: outletId, kind: 'purchase', channel: 'store', price_fen: 50000, payment_method: 'cash',
      person_matches_id: true, origin_statement: '自用',
      seller: { kind: 'individual', name: '测试', id_type: 'resident_id', id_number: '11010519491231002X' },
      item: { category: 'phone', brand: 'Xiaomi', model: '14', identifiers: { imei: imei(n) }, condition: '良好' },
    });
    // Eight writers in parallel; the server is killed once 60 registrations are acknowledged.
    async function writer() {
      while (!killed && next < 400) {
        const n = next++;
        try {
          const r = await fetch(`${server.base}/api/v1/acquisitions`, { method: 'POST', headers, body: body(n) });
          if (r.status === 201) acknowledged.push((await r.json()).id);
          else assert.fail(`registration ${n}: ${r.status} ${await r.text()}`);
        } catch (e) {
          if (!killed) throw e;  // connection errors are expected only after the kill
        }
        if (acknowledged.length >= 60 && !killed) {
          killed = true;
          server.child.kill('SIGKILL');
        }
      }
    }
    await Promise.all(Array.from({ length: 8 }, writer));
    assert.ok(killed, 'the server was killed mid-stream');
    const dead = server.child;
    if (dead.exitCode === null && dead.signalCode === null) await new Promise((r) => dead.once('exit', r));

    server = await start(dataDir, database);
    try {
      const again = await login(server.base, 'shop.clerk');
      const h = { Cookie: again.cookie };
      let found = 0;
      for (const id of acknowledged) {
        const r = await fetch(`${server.base}/api/v1/acquisitions/${id}`, { headers: h });
        if (r.status === 200) found++;
      }
      assert.equal(found, acknowledged.length, `every acknowledged registration survived (${acknowledged.length})`);
    } finally {
      server.child.kill('SIGTERM');
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

test('kill -9 loses no acknowledged registration (SQLite)', { timeout: 180_000 }, async () => {
  await scenario(null);
});

test('kill -9 loses no acknowledged registration (PostgreSQL)', {
  timeout: 180_000,
  skip: process.env.RECIRC_TEST_POSTGRES ? false : 'RECIRC_TEST_POSTGRES is not set',
}, async () => {
  const schema = `kill9_${process.pid}_${Date.now()}`;
  const base = process.env.RECIRC_TEST_POSTGRES;
  execFileSync('psql', [base, '-q', '-c', `CREATE SCHEMA ${schema}`]);
  const sep = base.includes('?') ? '&' : '?';
  await scenario(`${base}${sep}options=-csearch_path%3D${schema}`);
});
