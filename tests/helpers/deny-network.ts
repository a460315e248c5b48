/**
 * Preloaded with `node --import` to prove a command makes no network request:
 * every outgoing connection, DNS lookup and fetch fails and is reported on
 * stderr as "NETWORK DENIED: <target>". Loopback sockets (IPC between worker
 * threads and the build) are allowed; nothing else is.
 */
import dns from 'node:dns';
import net from 'node:net';

function deny(target: string): never {
  process.stderr.write(`NETWORK DENIED: ${target}\n`);
  throw new Error(`network access denied in this test: ${target}`);
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(this: net.Socket, ...args: unknown[]) {
  const first = args[0] as { host?: string; path?: string; port?: number } | number | string;
  const host = typeof first === 'object' && first !== null ? first.host ?? (first.path ? 'ipc' : 'localhost') : typeof args[1] === 'string' ? args[1] : 'localhost';
  if (host !== 'ipc' && !LOOPBACK.test(host)) deny(`${host}:${typeof first === 'object' ? first.port : first}`);
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;

for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6'] as const) {
  (dns as unknown as Record<string, unknown>)[name] = (host: string) => deny(`dns ${host}`);
}
globalThis.fetch = ((input: unknown) => deny(`fetch ${String(input instanceof URL ? input.href : typeof input === 'string' ? input : (input as Request).url)}`)) as typeof fetch;
