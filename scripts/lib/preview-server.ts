/** Serves dist/ with `astro preview` on a loopback port for the scripts that drive a browser. */
import { spawn } from 'node:child_process';

export async function startPreview(port: number): Promise<{ url: string; stop: () => void }> {
  const server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'preview', '--host', '127.0.0.1', '--port', String(port)], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  // Up to 90 s: preview runs the content check first, which takes half a minute on a busy machine.
  for (let i = 0; i < 450; i++) {
    if (await fetch(`${url}/zh/`).then((r) => r.ok, () => false)) return { url, stop: () => server.kill() };
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error(`astro preview did not answer on ${url}: run npm run build first`);
}
