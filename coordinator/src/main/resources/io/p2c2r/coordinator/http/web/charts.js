// Line charts drawn on a canvas, no library: one series, a time axis (last hour), a max label.
export function drawLine(canvas, points, { label, color = '#2f6fde', unit = '' } = {}) {
  const dpr = globalThis.devicePixelRatio || 1;
  const w = canvas.clientWidth, h = canvas.clientHeight;
  canvas.width = w * dpr; canvas.height = h * dpr;
  const g = canvas.getContext('2d');
  g.scale(dpr, dpr);
  g.clearRect(0, 0, w, h);
  const pad = { l: 44, r: 8, t: 16, b: 18 };
  const now = points.length ? points[points.length - 1][0] : Date.now();
  const t0 = now - 3600_000;
  const max = Math.max(1, ...points.map((p) => p[1]));
  const x = (t) => pad.l + ((t - t0) / 3600_000) * (w - pad.l - pad.r);
  const y = (v) => h - pad.b - (v / max) * (h - pad.t - pad.b);
  g.strokeStyle = '#dde1e8'; g.fillStyle = '#5a6475'; g.font = '11px system-ui';
  g.beginPath(); g.moveTo(pad.l, y(0)); g.lineTo(w - pad.r, y(0)); g.moveTo(pad.l, y(max)); g.lineTo(w - pad.r, y(max)); g.stroke();
  g.fillText(fmt(max) + unit, 2, y(max) + 4); g.fillText('0', 2, y(0) + 4);
  g.fillText('-60 min', pad.l, h - 4); g.fillText('now', w - pad.r - 22, h - 4);
  g.fillText(label + (points.length ? ': ' + fmt(points[points.length - 1][1]) + unit : ''), pad.l, 11);
  g.strokeStyle = color; g.lineWidth = 1.5; g.beginPath();
  points.filter((p) => p[0] >= t0).forEach((p, i) => (i ? g.lineTo(x(p[0]), y(p[1])) : g.moveTo(x(p[0]), y(p[1]))));
  g.stroke();
}

function fmt(v) {
  return Math.abs(v) >= 100 ? Math.round(v).toString() : (Math.round(v * 10) / 10).toString();
}
