// The live dashboard: one EventSource on /api/events; a 'history' event (up to an hour of samples), then a 'view' a second.
import { drawLine } from '/static/charts.js';

const $ = (id) => document.getElementById(id);
const usd = (nanos) => '$' + (nanos / 1e9).toFixed(9);
const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
let samples = [];

function sampleOf(v) {
  const s = v.status.stats;
  const t = v.status.taken_at_millis;
  const ms = v.tasks.tasks.filter((x) => x.outcome !== 'cached' && x.finished_at_millis >= t - 60_000)
    .map((x) => x.end_to_end_ms).sort((a, b) => a - b);
  return { t, peers: s.active_peers, queued: s.queued, running: s.running, completed: s.tasks_completed,
    cache_hits: s.cache_hits, latency_ms: ms.length ? ms[(ms.length - 1) >> 1] : 0 };
}

function charts() {
  const hour = samples.filter((p) => p.t >= samples.at(-1).t - 3600_000);
  drawLine($('chart-peers'), hour.map((p) => [p.t, p.peers]), { label: 'peers online' });
  drawLine($('chart-queue'), hour.map((p) => [p.t, p.queued]), { label: 'queued', color: '#d9822b' });
  const rate = [];
  for (let i = 1; i < hour.length; i++) {
    const dt = (hour[i].t - hour[i - 1].t) / 60_000;
    const done = hour[i].completed + hour[i].cache_hits - hour[i - 1].completed - hour[i - 1].cache_hits;
    if (dt > 0) rate.push([hour[i].t, Math.max(0, done / dt)]);
  }
  drawLine($('chart-throughput'), rate, { label: 'answered per minute', color: '#1f9d55' });
  drawLine($('chart-latency'), hour.map((p) => [p.t, p.latency_ms]), { label: 'median end-to-end', unit: ' ms', color: '#9b3fd6' });
}

function render(v) {
  const s = v.status.stats;
  $('peers-online').textContent = s.active_peers + (s.paused_peers ? ` (${s.paused_peers} paused)` : '');
  $('gamers-online').textContent = s.active_gamers;
  $('queued').textContent = s.queued;
  $('running').textContent = s.running;
  $('completed').textContent = s.tasks_completed;
  const answered = s.tasks_completed + s.cache_hits;
  $('cache-ratio').textContent = answered ? Math.round((100 * s.cache_hits) / answered) + '%' : '–';
  const b = v.books;
  $('books').innerHTML = [['gamers paid', b.gamer_spent_nanos], ['peers: granted', b.peer_granted_nanos],
    ['peers: pending', b.peer_pending_nanos], ['fee revenue (net of audits)', b.fee_revenue_nanos],
    ['fee revenue this run', b.fee_revenue_this_run_nanos], ['audits paid from the fee', b.audit_cost_nanos]]
    .map(([k, n]) => `<tr><td>${k}</td><td class="num">${usd(n)}</td></tr>`).join('');
  $('peers').innerHTML = v.peers.peers.map((p) => `<tr data-peer="${esc(p.id)}"><td>${esc(p.id)}</td><td>${esc(p.host)}</td>
    <td class="num">${p.busy} / ${p.usable_slots}${p.usable_slots !== p.slots ? ' of ' + p.slots : ''}</td>
    <td class="num">${usd(p.pending_nanos)}</td><td class="num">${usd(p.granted_nanos)}</td>
    <td>${p.trusted_types.length ? esc(p.trusted_types.join(', ')) : 'untrusted'}</td></tr>`).join('');
  $('tasks').innerHTML = v.tasks.tasks.map((t) => `<tr><td>${esc(t.task_id)}</td><td>${esc(t.type)}</td><td>${esc(t.gamer_id)}</td>
    <td>${esc(t.outcome)}${t.error_code ? ' (' + esc(t.error_code) + ')' : ''}</td><td>${esc(t.peer_id)}</td>
    <td class="num">${t.end_to_end_ms.toFixed(1)} ms</td><td class="num">${usd(t.cost_nanos)}</td></tr>`).join('');
}

const source = new EventSource('/api/events');
source.addEventListener('history', (e) => {
  samples = JSON.parse(e.data).samples ?? [];
});
source.addEventListener('view', (e) => {
  const v = JSON.parse(e.data);
  render(v);
  const last = samples.at(-1);
  if (!last || last.t < v.status.taken_at_millis) samples.push(sampleOf(v));
  if (samples.length > 3600) samples.shift();
  charts();
  $('status').textContent = 'live, ' + new Date(v.status.taken_at_millis).toLocaleTimeString();
});
source.onerror = () => { $('status').textContent = 'disconnected; retrying…'; };
