// A real coordinator and peer for the tests, from the jars `mvn -B package` builds, on 127.0.0.1 and free ports,
// with their database and state in a temporary folder. Missing jars fail the test with what to run.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const WAIT_MS = 60_000;

function jar(module) {
  const path = join(root, module, 'target', `${module}.jar`);
  if (!existsSync(path)) throw new Error(`MISSING PART: ${path} is not built; run 'mvn -B package -DskipTests' first`);
  return path;
}

/** Starts java -jar; resolves with the process once a line of its output matches pattern (the match is returned too). */
function start(args, pattern, env) {
  return new Promise((resolveStart, reject) => {
    const child = spawn('java', args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => { child.kill(); reject(new Error(`no '${pattern}' within ${WAIT_MS} ms:\n${out}`)); }, WAIT_MS);
    const hear = (chunk) => {
      out += chunk;
      const m = out.match(pattern);
      if (m) { clearTimeout(timer); resolveStart({ child, match: m, output: () => out }); }
    };
    child.stdout.on('data', hear);
    child.stderr.on('data', hear);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`java ${args.join(' ')} exited ${code}:\n${out}`)); });
  });
}

/** A coordinator (with its HTTP side) and one peer; close() stops both and removes the folder. */
export async function startNetwork({ peers = 1, coordinatorArgs = [] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'p2c2r-js-'));
  const started = [];
  try {
    const c = await start(['-jar', jar('coordinator'), '--port', '0', '--host', '127.0.0.1', '--db', join(dir, 'cloud.db'),
      '--trust-threshold', '0', '--audit-rate', '0', '--spot-check-minutes', '0', '--stats-interval', '3600', ...coordinatorArgs],
    / Database: /);
    started.push(c.child);
    const port = Number(c.output().match(/ Starting server on [^:]+:(\d+)/)[1]);
    const http = c.output().match(/ HTTP: (http:\/\/[^/]+)\//);
    for (let i = 0; i < peers; i++) {
      const id = `peer_js_${i}`; // peers on one machine: ids differ, hosts do not
      const seen = c.output().length;
      const p = await start(['-jar', jar('peer'), '--cloud-ip', '127.0.0.1', '--cloud-port', String(port), '--peer-id', id,
        '--workers', '2', '--state-dir', join(dir, 'peer' + i), '--no-low-priority'], /./, {});
      started.push(p.child);
      await waitFor(() => c.output().slice(seen).includes(`Peer connected: ${id}`), `peer ${id} to register`);
    }
    return {
      port,
      url: `ws://127.0.0.1:${port}/`,
      httpUrl: http ? http[1] : null,
      dir,
      coordinatorOutput: c.output,
      async close() {
        await Promise.all(started.reverse().map((child) => new Promise((r) => {
          if (child.exitCode !== null) return r();
          child.removeAllListeners('exit');
          child.on('exit', r);
          child.kill('SIGTERM');
        })));
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    for (const child of started) child.kill('SIGKILL');
    throw e;
  }
}

/** Resolves once check() is true, checking as output arrives (every 50 ms), or rejects after WAIT_MS. */
function waitFor(check, what) {
  return new Promise((res, rej) => {
    const t0 = Date.now();
    const iv = setInterval(() => {
      if (check()) { clearInterval(iv); res(); } else if (Date.now() - t0 > WAIT_MS) { clearInterval(iv); rej(new Error(`timed out waiting for ${what}`)); }
    }, 50);
  });
}
