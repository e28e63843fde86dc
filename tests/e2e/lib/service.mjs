// Starts the real blacklist service (the built blacklist.dll) on a free loopback port with a
// temporary data directory, waits until it is ready, and stops it again.
import { spawn, execFile } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The newest built or published blacklist.dll, or BLACKLIST_DLL when set. */
export function findServiceDll() {
  if (process.env.BLACKLIST_DLL) return process.env.BLACKLIST_DLL;
  const slots = [process.env.BL_SLOT, ''].filter((s) => s !== undefined);
  const candidates = [];
  for (const slot of slots) {
    for (const config of ['release', 'debug']) {
      candidates.push(path.join(REPO, '.artifacts', slot, 'bin', 'Blacklist.Server', config, 'blacklist.dll'));
    }
  }
  candidates.push(path.join(REPO, '.artifacts', 'publish', 'blacklist', 'blacklist.dll'));
  const found = candidates.filter((c) => fs.existsSync(c)).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  if (!found.length) {
    throw new Error(`No blacklist.dll found; build it first (dotnet build src/Blacklist.Server -c Release) or set BLACKLIST_DLL. Looked in:\n${candidates.join('\n')}`);
  }
  return found[0];
}

export async function freePort() {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

function serviceEnv(dataDirectory, url, extra) {
  return {
    ...process.env,
    DOTNET_NOLOGO: '1',
    DOTNET_CLI_TELEMETRY_OPTOUT: '1',
    ASPNETCORE_ENVIRONMENT: 'Production',
    ASPNETCORE_URLS: url,
    // appsettings.json names a Kestrel endpoint, which wins over ASPNETCORE_URLS: override it too.
    Kestrel__Endpoints__Http__Url: url,
    Blacklist__DataDirectory: dataDirectory,
    ...extra,
  };
}

/** Runs a verb of the executable (e.g. import) on the same data directory; resolves with its output. */
export async function runVerb(dll, dataDirectory, args, extraEnv = {}) {
  const { stdout, stderr } = await promisify(execFile)('dotnet', [dll, ...args], {
    cwd: path.dirname(dll),
    env: serviceEnv(dataDirectory, 'http://127.0.0.1:0', extraEnv),
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout + stderr;
}

/**
 * Starts the service; resolves once GET /ready answers 200.
 * Returns { url, dataDirectory, log(), fetch(path, init), stop() }.
 */
export async function startService({ dll = findServiceDll(), dataDirectory, env = {}, readyTimeoutMs = 120000 } = {}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const ownsData = !dataDirectory;
  const data = dataDirectory ?? fs.mkdtempSync(path.join(os.tmpdir(), 'blacklist-e2e-'));
  const lines = [];
  const child = spawn('dotnet', [dll], { cwd: path.dirname(dll), env: serviceEnv(data, url, env), stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      lines.push(...chunk.split('\n').filter(Boolean));
      if (lines.length > 2000) lines.splice(0, lines.length - 2000);
    });
  }
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });

  const log = () => lines.join('\n');
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exited) throw new Error(`The service exited (${JSON.stringify(exited)}) before it was ready:\n${log()}`);
    try {
      const response = await fetch(`${url}/ready`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The service was not ready within ${readyTimeoutMs / 1000} s:\n${log()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  // With access control the first start prints an admin API key once; the test's own API calls use it.
  const apiKey = /Initial admin API key \(shown once\): (\S+)/.exec(log())?.[1] ?? process.env.E2E_API_KEY ?? null;
  const withKey = (init) => ({ ...init, headers: { ...(apiKey ? { Authorization: `Bearer ${apiKey}` } : {}), ...init?.headers } });

  return {
    url,
    dll,
    dataDirectory: data,
    apiKey,
    log,
    fetch: (p, init) => fetch(url + p, withKey(init)),
    async json(p, init) {
      const response = await fetch(url + p, withKey({ ...init, headers: { Accept: 'application/json', ...init?.headers } }));
      if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${p} → ${response.status}: ${await response.text()}`);
      return response.json();
    },
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
        await once(child, 'exit').catch(() => {});
        clearTimeout(timer);
      }
      if (ownsData) fs.rmSync(data, { recursive: true, force: true });
    },
  };
}
