import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';

/** A port nothing listens on now: the system's pick for a listener that closes at once. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Serves a folder (the static export by default) with scripts/serve.mjs on a free local port, as a static host
 * would, and resolves once it answers. `stop` ends the server; so does the script's exit.
 */
export async function serveDir(dir = 'out'): Promise<{ base: string; stop: () => void }> {
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir}/index.html is missing: build the site first (npm run build).`);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['scripts/serve.mjs', dir], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore' });
  const stop = () => void server.kill();
  // However the script ends (an error thrown, process.exit), the server ends with it rather than holding the port.
  process.once('exit', stop);
  for (let tries = 0; tries < 100; tries++) {
    if (server.exitCode !== null) throw new Error(`scripts/serve.mjs exited with status ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/`)).ok) return { base, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stop();
  throw new Error(`${base}/ did not answer within 10 s`);
}
