/**
 * A logging HTTP proxy in front of moto_server: records the CloudFormation `Action` of every request
 * (to prove what a preview sends, from the CLI too, where no client can be injected), and can hold
 * change sets in CREATE_IN_PROGRESS (moto creates them at once) so that waits, timeouts and
 * interrupts can be tested against the real server.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running proxy. */
export interface MotoProxy {
  readonly endpoint: string;
  /** Actions received, in order (`CreateChangeSet`, `DescribeChangeSet`, …). */
  readonly actions: string[];
  /** When true, DescribeChangeSet status polls (without IncludePropertyValues) report CREATE_IN_PROGRESS. */
  hold: boolean;
  close(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1 (ephemeral port) forwarding to `target`. */
export async function startMotoProxy(target: string): Promise<MotoProxy> {
  const actions: string[] = [];
  const proxy: MotoProxy = { endpoint: '', actions, hold: false, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const form = new URLSearchParams(body.toString('utf8'));
      const action = form.get('Action') ?? '?';
      actions.push(action);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers[k] = v;
      fetch(`${target}${req.url ?? '/'}`, { method: req.method, headers, body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body })
        .then(async (upstream) => {
          let text = await upstream.text();
          if (proxy.hold && action === 'DescribeChangeSet' && form.get('IncludePropertyValues') !== 'true') {
            text = text.replace(/<Status>CREATE_COMPLETE<\/Status>/, '<Status>CREATE_IN_PROGRESS</Status>');
          }
          res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'text/xml' });
          res.end(text);
        })
        .catch((e: Error) => {
          res.writeHead(502);
          res.end(e.message);
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  Object.assign(proxy, {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
  return proxy;
}
