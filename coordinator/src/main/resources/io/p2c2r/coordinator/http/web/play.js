// The playground: connects to the task port with the JS client, submits any of the nine tasks with editable JSON,
// and shows the answer: images inline, a path drawn on its grid, latency and cost.
import { connect } from '/static/p2c2r.js';

const $ = (id) => document.getElementById(id);
let client = null;
const info = await (await fetch('/api/types')).json();
const wsScheme = location.protocol === 'https:' ? 'wss' : 'ws';
$('url').value = `${wsScheme}://${location.hostname}:${info.task_port}/`;
$('gamer').value = localStorage.getItem('p2c2r.play.gamer') || 'gamer_web_' + Math.floor(Math.random() * 1e6);
$('origin').textContent = location.origin;
for (const t of info.types) $('type').add(new Option(`${t.label} (${t.type})`, t.type));
const seedOf = (type) => JSON.stringify(info.types.find((t) => t.type === type).seed, null, 2);
$('type').onchange = () => { $('data').value = seedOf($('type').value); };
$('type').value = new URLSearchParams(location.search).get('type') || info.types[0].type;
$('data').value = seedOf($('type').value);

$('connect').onclick = async () => {
  $('status').textContent = 'connecting…';
  try {
    client?.close();
    client = await connect({ url: $('url').value, gamerId: $('gamer').value, storage: localStorage });
    localStorage.setItem('p2c2r.play.gamer', client.gamerId);
    $('status').textContent = `connected as ${client.gamerId} (spent $${client.registered.total_usd})`;
    $('submit').disabled = false;
  } catch (e) {
    $('status').innerHTML = `<span class="error">${e.code}: ${e.message}</span>`;
  }
};

$('submit').onclick = async () => {
  let data;
  try { data = JSON.parse($('data').value); } catch (e) { $('summary').innerHTML = `<span class="error">not JSON: ${e.message}</span>`; return; }
  $('summary').textContent = 'submitted…';
  $('images').innerHTML = '';
  $('grid').style.display = 'none';
  try {
    const r = await client.submit($('type').value, data, { onProgress: (m) => { $('summary').textContent = m.status + '…'; } });
    show(r, data);
  } catch (e) {
    $('summary').innerHTML = `<span class="error">${e.code}: ${e.message}</span>`;
  }
};

function show(r, data) {
  $('json').textContent = JSON.stringify(r, null, 2);
  if (r.status !== 'completed') {
    $('summary').innerHTML = `<span class="error" id="result-error">${r.code}: ${r.error}</span>`;
    return;
  }
  $('summary').innerHTML = `<span id="result-ok">completed</span> by ${r.cached ? 'the cache' : r.peer_id} in
    ${r.latency_ms.toFixed(1)} ms (peer: ${(r.processing_time_ms ?? 0).toFixed(1)} ms), cost $${r.cost_usd}, ${r.verification ?? ''}`;
  for (const png of pngs(r.result)) {
    const img = new Image();
    img.src = 'data:image/png;base64,' + png;
    img.className = 'result-image';
    img.style.maxWidth = '100%';
    $('images').append(img);
  }
  if (Array.isArray(r.result.path)) drawPath(r.result.path, data);
}

/** Every base64 PNG anywhere in the result (fields named png or png_base64). */
function pngs(v, out = []) {
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if ((k === 'png' || k === 'png_base64') && typeof x === 'string') out.push(x);
      else pngs(x, out);
    }
  }
  return out;
}

function drawPath(path, data) {
  const w = data.width ?? Math.max(...path.map((p) => p[0])) + 1;
  const h = data.height ?? Math.max(...path.map((p) => p[1])) + 1;
  const cell = Math.max(2, Math.floor(480 / Math.max(w, h)));
  const c = $('grid');
  c.width = w * cell; c.height = h * cell; c.style.display = 'block';
  const g = c.getContext('2d');
  g.fillStyle = '#fff'; g.fillRect(0, 0, c.width, c.height);
  g.fillStyle = '#1d2330';
  for (const [x, y] of data.obstacles ?? []) g.fillRect(x * cell, y * cell, cell, cell);
  g.strokeStyle = '#2f6fde'; g.lineWidth = Math.max(1, cell / 3); g.beginPath();
  path.forEach(([x, y], i) => (i ? g.lineTo : g.moveTo).call(g, (x + 0.5) * cell, (y + 0.5) * cell));
  g.stroke();
  g.fillStyle = '#1f9d55'; g.fillRect(path[0][0] * cell, path[0][1] * cell, cell, cell);
  g.fillStyle = '#d9822b'; g.fillRect(path.at(-1)[0] * cell, path.at(-1)[1] * cell, cell, cell);
  c.dataset.cells = String(path.length);
}
