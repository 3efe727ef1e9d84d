import net from 'node:net';

/**
 * A loopback TCP proxy in front of a real PostgreSQL server, so a test can
 * take the database away without restarting it (the machine's server is
 * shared): `cut()` resets every connection and refuses new ones, `freeze()`
 * keeps connections open but stops passing bytes (a network that went
 * silent), `blackhole()` accepts connections and never answers, `restore()`
 * forwards again.
 */
export interface TcpProxy {
  port: number;
  cut(): Promise<void>;
  freeze(): void;
  blackhole(): void;
  restore(): Promise<void>;
  close(): Promise<void>;
}

type Mode = 'forward' | 'frozen' | 'blackhole';

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: Mode = 'forward';
  const sockets = new Set<net.Socket>();

  const onConnection = (client: net.Socket) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    if (mode === 'blackhole') return;
    const upstream = net.connect(target.port, target.host);
    sockets.add(upstream);
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    const pass = (from: net.Socket, to: net.Socket) =>
      from.on('data', (chunk: Buffer) => {
        if (mode !== 'frozen') to.write(chunk);
      });
    pass(client, upstream);
    pass(upstream, client);
  };

  let server = net.createServer(onConnection);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;

  const closeServer = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });

  return {
    port,
    async cut() {
      mode = 'forward';
      const closing = closeServer();
      for (const socket of sockets) socket.resetAndDestroy();
      await closing;
    },
    freeze() {
      mode = 'frozen';
    },
    blackhole() {
      mode = 'blackhole';
    },
    async restore() {
      // Connections that lost bytes while frozen or were never answered are useless.
      if (mode !== 'forward') for (const socket of sockets) socket.destroy();
      mode = 'forward';
      if (server.listening) return;
      server = net.createServer(onConnection);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', resolve);
      });
    },
    async close() {
      const closing = closeServer();
      for (const socket of sockets) socket.destroy();
      await closing;
    },
  };
}
