// The JS client against a real coordinator and peer (started from the built jars by ./network.js).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect, P2c2rError } from '../p2c2r.js';
import { startNetwork } from './network.js';

let net;
before(async () => { net = await startNetwork(); });
after(async () => { await net?.close(); });

function memoryStorage() {
  const m = new Map();
  return { getItem: (k) => (m.has(k) ? m.get(k) : null), setItem: (k, v) => m.set(k, v), map: m };
}

test('submit runs a pathfinding task on the peer and resolves with its path; the same work again is a free cache hit', async () => {
  const client = await connect({ url: net.url, gamerId: 'gamer_js_1' });
  try {
    const progress = [];
    const data = { width: 16, height: 16, start: [0, 0], end: [15, 15], obstacles: [[3, 3], [4, 4]] };
    const r = await client.submit('ai_pathfinding', data, { onProgress: (m) => progress.push(m.status) });
    assert.equal(r.status, 'completed', JSON.stringify(r));
    assert.equal(r.peer_id, 'peer_js_0');
    assert.deepEqual(r.result.path[0], [0, 0]);
    assert.deepEqual(r.result.path.at(-1), [15, 15]);
    assert.ok(r.cost_nanos > 0, 'a computed task costs something');
    assert.ok(r.latency_ms > 0);
    assert.ok(progress.every((s) => s === 'running' || s === 'queued'));
    const again = await client.submit('ai_pathfinding', JSON.stringify(data));
    assert.equal(again.cached, true);
    assert.equal(again.cost_nanos, 0);
    assert.deepEqual(again.result, r.result);
  } finally {
    client.close();
  }
});

test('a render split into tiles reports tile progress and resolves with one image', async () => {
  const client = await connect({ url: net.url, gamerId: 'gamer_js_split' });
  try {
    const tiles = [];
    const r = await client.submit('rt_shadows', { resolution: [24, 12], quality: 'low' }, {
      split: 3, onProgress: (m) => { if (m.type === 'task_progress') tiles.push(`${m.tiles_done}/${m.tiles_total}`); },
    });
    assert.equal(r.status, 'completed', JSON.stringify(r));
    assert.deepEqual(tiles, ['0/3', '1/3', '2/3', '3/3']);
    assert.equal(r.metrics.tiles, 3);
    assert.equal(r.result.width, 24);
    assert.equal(r.result.height, 12);
  } finally {
    client.close();
  }
});

test('an invalid task resolves with the coordinator error naming the field', async () => {
  const client = await connect({ url: net.url, gamerId: 'gamer_js_2' });
  try {
    const r = await client.submit('ai_pathfinding', { start: [0, 0], end: [5, -5] });
    assert.equal(r.status, 'error');
    assert.equal(r.code, 'invalid_task');
    assert.match(r.error, /end/);
    const unknown = await client.submit('no_such_task', {});
    assert.equal(unknown.status, 'error');
  } finally {
    client.close();
  }
});

test('the token is kept in storage and proves the id on the next connection; a wrong one is refused', async () => {
  const storage = memoryStorage();
  const first = await connect({ url: net.url, gamerId: 'gamer_js_3', storage });
  const token = first.token;
  first.close();
  assert.equal(storage.getItem('p2c2r.gamer.gamer_js_3.token'), token);
  const second = await connect({ url: net.url, gamerId: 'gamer_js_3', storage });
  assert.equal(second.token, token);
  second.close();
  await assert.rejects(connect({ url: net.url, gamerId: 'gamer_js_3', token: 'x'.repeat(32) }),
    (e) => e instanceof P2c2rError && e.code === 'auth_failed');
});

test('pending submissions reject when the connection closes, and nothing can be sent after', async () => {
  const client = await connect({ url: net.url, gamerId: 'gamer_js_4' });
  const pending = client.submit('ai_pathfinding', { width: 64, height: 64, start: [0, 0], end: [63, 63] });
  client.close();
  await assert.rejects(pending, (e) => e.code === 'connection_closed');
  await assert.rejects(client.submit('ai_pathfinding', {}), (e) => e.code === 'connection_closed');
});

test('a coordinator that is not there fails the connection with a code', async () => {
  await assert.rejects(connect({ url: 'ws://127.0.0.1:1/', gamerId: 'gamer_js_5', connectTimeoutMs: 5000 }),
    (e) => e instanceof P2c2rError && e.code === 'connect_failed');
});
