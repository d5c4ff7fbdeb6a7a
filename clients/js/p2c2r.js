// P2C2R gamer client: an ES module with no dependencies, for browsers and Node 20 (run Node with
// --experimental-websocket, or pass a WebSocket class in the options). The same shape as the Java P2c2rClient:
// connect, register, keep the token, submit(type, data) returning a Promise, timeouts. Protocol: docs/PROTOCOL.md.

/** A failure of the client itself (not a task's error answer, which resolves as a task_result): code and message. */
export class P2c2rError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'P2c2rError';
    this.code = code;
  }
}

/** Margin over a task's own timeout before its Promise rejects with code "timeout" (as the Java client: 10 s). */
const TIMEOUT_MARGIN_MS = 10_000;
const DEFAULT_TASK_TIMEOUT_MS = 300_000;

/** A token store over Web Storage (localStorage) or anything with getItem/setItem; in memory when none is given. */
function tokenStore(storage) {
  if (storage) return storage;
  const m = new Map();
  return { getItem: (k) => (m.has(k) ? m.get(k) : null), setItem: (k, v) => m.set(k, v) };
}

/**
 * Connects and registers as a gamer. Options: url (ws:// or wss://), gamerId, token (else the stored one),
 * storage (keeps the token: localStorage in a browser), connectTimeoutMs (default 10 s), WebSocket (a class, default
 * globalThis.WebSocket). Resolves with a P2c2rClient once registered; rejects with a P2c2rError (code
 * connect_failed, connect_timeout, or the coordinator's error code such as auth_failed).
 */
export function connect(options) {
  const { url, gamerId, connectTimeoutMs = 10_000 } = options;
  if (typeof url !== 'string' || !/^wss?:\/\//.test(url)) throw new TypeError(`url = '${url}' must start with ws:// or wss://`);
  if (typeof gamerId !== 'string' || gamerId.length === 0) throw new TypeError(`gamerId = '${gamerId}' must be a non-empty string`);
  const WS = options.WebSocket ?? globalThis.WebSocket;
  if (typeof WS !== 'function') throw new TypeError('no WebSocket: pass options.WebSocket, or run Node with --experimental-websocket');
  const storage = tokenStore(options.storage);
  const key = `p2c2r.gamer.${gamerId}.token`;
  const token = options.token ?? storage.getItem(key) ?? undefined;
  return new Promise((resolve, reject) => {
    const ws = new WS(url);
    let settled = false;
    const fail = (code, message) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      try { ws.close(); } catch { /* already closed */ }
      reject(new P2c2rError(code, message));
    };
    const timer = setTimeout(() => fail('connect_timeout', `no registration from ${url} within ${connectTimeoutMs} ms`), connectTimeoutMs);
    ws.onopen = () => ws.send(JSON.stringify({ type: 'register_gamer', gamer_id: gamerId, ...(token ? { token } : {}) }));
    ws.onerror = () => fail('connect_failed', `cannot connect to ${url}`);
    ws.onclose = (e) => fail('connect_failed', `${url} closed the connection (${e.code}${e.reason ? ': ' + e.reason : ''})`);
    ws.onmessage = (e) => {
      let m;
      try { m = JSON.parse(e.data); } catch { return fail('bad_json', 'the coordinator sent something that is not JSON'); }
      if (m.type === 'error') return fail(m.code, m.message);
      if (m.type !== 'registered') return;
      settled = true;
      clearTimeout(timer);
      storage.setItem(key, m.token);
      resolve(new P2c2rClient(ws, m));
    };
  });
}

/** A registered gamer connection. Every Promise it returns settles: with the answer, or rejects when the connection drops or the wait times out. */
export class P2c2rClient {
  #ws;
  #pending = new Map();
  #seq = 0;
  #correctionListeners = [];

  constructor(ws, registered) {
    this.#ws = ws;
    /** The registered reply: id, token, rates, total_usd (spent so far). */
    this.registered = registered;
    this.gamerId = registered.id;
    this.token = registered.token;
    this.closed = false;
    ws.onmessage = (e) => this.#received(e.data);
    ws.onclose = (e) => this.#dropped(new P2c2rError('connection_closed', `the connection closed (${e.code}${e.reason ? ': ' + e.reason : ''})`));
    ws.onerror = () => { /* onclose follows and fails what is pending */ };
  }

  /**
   * Submits a task. data is an object (or JSON text); options: timeoutMs (the coordinator's whole wait),
   * verify ("first" or "wait"), split (a render cut into that many tiles, 1-64), requestId, onProgress (called with
   * each task_accepted and, for a split render, each task_progress: tiles_done of tiles_total). Resolves with the task_result message, whose
   * status is "completed" or "error" (with code and error); rejects with a P2c2rError if no answer can come.
   */
  submit(type, data, options = {}) {
    if (this.closed) return Promise.reject(new P2c2rError('connection_closed', 'the client is closed'));
    const requestId = options.requestId ?? `js${Date.now().toString(36)}_${++this.#seq}`;
    const task = { type, data: typeof data === 'string' ? JSON.parse(data) : data };
    const message = { type: 'submit_task', request_id: requestId, task };
    if (options.timeoutMs != null) message.timeout_ms = options.timeoutMs;
    if (options.verify != null) message.verify = options.verify;
    if (options.split != null) message.split = options.split;
    const wait = (options.timeoutMs ?? DEFAULT_TASK_TIMEOUT_MS) + TIMEOUT_MARGIN_MS;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(requestId);
        reject(new P2c2rError('timeout', `no answer to ${requestId} within ${wait} ms`));
      }, wait);
      this.#pending.set(requestId, { resolve, reject, timer, onProgress: options.onProgress, started: performance.now() });
      this.#ws.send(JSON.stringify(message));
    });
  }

  /** Asks the coordinator to drop a task no peer has started; its submit Promise then resolves with code "cancelled". */
  cancel(requestId) {
    this.#ws.send(JSON.stringify({ type: 'cancel_task', request_id: requestId }));
  }

  /** Hears task_corrected messages (a pending result that a check found wrong). */
  onCorrected(listener) {
    this.#correctionListeners.push(listener);
  }

  close() {
    if (!this.closed) this.#ws.close(1000, 'client closed');
    this.#dropped(new P2c2rError('connection_closed', 'the client was closed'));
  }

  #received(text) {
    let m;
    try { m = JSON.parse(text); } catch { return; }
    const p = m.request_id != null ? this.#pending.get(m.request_id) : undefined;
    if (m.type === 'task_corrected') {
      for (const l of this.#correctionListeners) l(m);
    } else if (m.type === 'task_accepted' || m.type === 'task_progress') {
      p?.onProgress?.(m);
    } else if ((m.type === 'task_result' || m.type === 'error') && p) {
      this.#pending.delete(m.request_id);
      clearTimeout(p.timer);
      const result = m.type === 'error'
        ? { type: 'task_result', request_id: m.request_id, status: 'error', code: m.code, error: m.message, cost_nanos: 0 }
        : m;
      result.latency_ms = performance.now() - p.started;
      p.resolve(result);
    }
  }

  #dropped(error) {
    this.closed = true;
    for (const [id, p] of this.#pending) {
      clearTimeout(p.timer);
      p.reject(error);
      this.#pending.delete(id);
    }
  }
}
