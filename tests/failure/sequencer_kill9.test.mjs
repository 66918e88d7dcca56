// Failure test for the transparency log's sequencer (issue 4): a stream of item events
// (registrations, each one item.acquired leaf), the server killed with SIGKILL mid-stream three
// times while the sequencer runs batches of three events back to back, restarted on the same
// database each time. Then: `recirc log audit --state` passes after every restart (the tree it
// saw before is a prefix of the tree now), every checkpoint seen while the log ran is a prefix
// of the final tree, and every registration's item.acquired event is in the log exactly once
// (no leaf missing, none duplicated). Runs on SQLite, and on PostgreSQL when
// RECIRC_TEST_POSTGRES names a server (scripts/test.sh runs tests/failure/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { bin, start, login, imei as imeiWith } from './support/recirc.mjs';

const imei = (n) => imeiWith('87', n);

// tlog-tiles index path: 1234067 -> x001/x234/067.
function tileIndex(n) {
  let s = String(n % 1000).padStart(3, '0');
  for (n = Math.floor(n / 1000); n > 0; n = Math.floor(n / 1000)) s = `x${String(n % 1000).padStart(3, '0')}/${s}`;
  return s;
}

// Every leaf of the tree of `size`, parsed, from the entry bundles.
async function leaves(base, size) {
  const out = [];
  for (let n = 0; n * 256 < size; n++) {
    const width = Math.min(256, size - n * 256);
    const path = `${base}/log/tile/entries/${tileIndex(n)}${width < 256 ? `.p/${width}` : ''}`;
    const r = await fetch(path);
    assert.equal(r.status, 200, path);
    const bytes = Buffer.from(await r.arrayBuffer());
    for (let at = 0; at < bytes.length;) {
      const length = bytes.readUInt16BE(at);
      out.push(JSON.parse(bytes.subarray(at + 2, at + 2 + length).toString('utf8')));
      at += 2 + length;
    }
  }
  assert.equal(out.length, size, 'the bundles hold every leaf of the tree');
  return out;
}

function treeSize(note) {
  return Number(note.split('\n')[1]);
}

function audit(base, key, state) {
  const r = spawnSync(bin, ['log', 'audit', base, '--key', key, '--state', state], { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

async function scenario(database) {
  const dataDir = mkdtempSync(join(tmpdir(), 'recirc-seqkill9-'));
  const configFile = join(dataDir, 'recirc.toml');
  // Small batches back to back: the sequencer is almost always inside a batch.
  writeFileSync(configFile, '[tlog]\nbatch_size = 3\ncheckpoint_interval_ms = 0\n[log]\naccess = false\n');
  const state = join(dataDir, 'audit.state');
  const seen = new Map();  // checkpoint note -> true, every distinct one observed
  let key = null;
  let next = 0;
  try {
    let server = await start(dataDir, database, configFile);
    key = (await (await fetch(`${server.base}/log/key`)).text()).trim();
    for (let round = 0; round < 3; round++) {
      const clerk = await login(server.base, 'shop.clerk');
      const headers = { 'Content-Type': 'application/json', Cookie: clerk.cookie, 'X-CSRF-Token': clerk.csrf };
      const outlets = await (await fetch(`${server.base}/api/v1/organisations/${clerk.organisation}/outlets`, { headers })).json();
      const outletId = outlets.items[0].id;
      let acknowledged = 0;
      let killed = false;
      const body = (n) => JSON.stringify({
        outlet_id: outletId, kind: 'purchase', channel: 'store', price_fen: 30000, payment_method: 'cash',
        person_matches_id: true, origin_statement: '自用',
        seller: { kind: 'individual', name: '测试', id_type: 'resident_id', id_number: '11010519491231002X' },
        item: { category: 'phone', brand: 'Xiaomi', model: '13', identifiers: { imei: imei(n) }, condition: '良好' },
      });
      async function writer() {
        while (!killed) {
          const n = next++;
          try {
            const r = await fetch(`${server.base}/api/v1/acquisitions`, { method: 'POST', headers, body: body(n) });
            if (r.status === 201) acknowledged++;
            else assert.fail(`registration ${n}: ${r.status} ${await r.text()}`);
          } catch (e) {
            if (!killed) throw e;
          }
          if (acknowledged >= 45 && !killed) {
            killed = true;
            server.child.kill('SIGKILL');
          }
        }
      }
      async function watcher() {
        while (!killed) {
          try {
            const r = await fetch(`${server.base}/log/checkpoint`);
            if (r.status === 200) seen.set(await r.text(), true);
          } catch (e) {
            if (!killed) throw e;
          }
        }
      }
      await Promise.all([...Array.from({ length: 6 }, writer), watcher()]);
      const dead = server.child;
      if (dead.exitCode === null && dead.signalCode === null) await new Promise((r) => dead.once('exit', r));

      server = await start(dataDir, database, configFile);
      const a = audit(server.base, key, state);
      assert.equal(a.status, 0, `audit after restart ${round + 1}: ${a.out}`);
      if (round > 0) assert.match(a.out, /consistent with the checkpoint saved last time/);
    }

    try {
      // Every registration the database holds (acknowledged or committed just before a kill).
      const clerk = await login(server.base, 'shop.clerk');
      const items = new Set();
      for (let cursor = null; ;) {
        const r = await fetch(`${server.base}/api/v1/acquisitions?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
          { headers: { Cookie: clerk.cookie } });
        assert.equal(r.status, 200);
        const page = await r.json();
        for (const a of page.items) items.add(a.item_id);
        if (!page.next_cursor) break;
        cursor = encodeURIComponent(page.next_cursor);
      }
      assert.ok(items.size >= 135, `three rounds of registrations (${items.size})`);

      // The sequencer catches up after the last restart: wait until every item has a leaf.
      let all = [];
      for (;;) {
        const note = await (await fetch(`${server.base}/log/checkpoint`)).text();
        seen.set(note, true);
        all = await leaves(server.base, treeSize(note));
        const logged = new Set(all.filter((l) => l.type === 'item.acquired').map((l) => l.item_id));
        if ([...items].every((id) => logged.has(id))) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      const events = all.map((l) => l.event_id);
      assert.equal(new Set(events).size, events.length, 'no journal event has two leaves');
      for (const id of items) {
        const acquired = all.filter((l) => l.item_id === id && l.type === 'item.acquired');
        assert.equal(acquired.length, 1, `item ${id} has exactly one item.acquired leaf`);
      }
      // Every checkpoint ever seen is a prefix of the final tree, so each is consistent with the
      // next: audit with it as the saved state.
      const sizes = [...seen.keys()].map(treeSize);
      assert.ok(seen.size >= 10, `checkpoints observed while the log ran (${seen.size})`);
      let i = 0;
      for (const note of seen.keys()) {
        const file = join(dataDir, `seen-${i++}.state`);
        writeFileSync(file, `${key}\n${note}`);
        const a = audit(server.base, key, file);
        assert.equal(a.status, 0, `checkpoint of size ${treeSize(note)} against the final tree: ${a.out}`);
      }
      assert.ok(Math.max(...sizes) >= items.size, 'the final tree holds every registration');
    } finally {
      server.child.kill('SIGTERM');
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

test('kill -9 of the sequencer mid-batch: no gap, no duplicate, every checkpoint consistent (SQLite)', { timeout: 300_000 }, async () => {
  await scenario(null);
});

test('kill -9 of the sequencer mid-batch: no gap, no duplicate, every checkpoint consistent (PostgreSQL)', {
  timeout: 300_000,
  skip: process.env.RECIRC_TEST_POSTGRES ? false : 'RECIRC_TEST_POSTGRES is not set',
}, async () => {
  const schema = `seqkill9_${process.pid}_${Date.now()}`;
  const base = process.env.RECIRC_TEST_POSTGRES;
  execFileSync('psql', [base, '-q', '-c', `CREATE SCHEMA ${schema}`]);
  const sep = base.includes('?') ? '&' : '?';
  await scenario(`${base}${sep}options=-csearch_path%3D${schema}`);
});
