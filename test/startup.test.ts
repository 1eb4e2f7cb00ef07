import { spawn } from 'node:child_process';
import { connect, createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/server/config';
import { createDriver } from '../src/db/connect';
import { Neo4jGateway } from '../src/db/gateway';
import { LocalNeo4jError, startLocalNeo4j } from '../src/local-neo4j/local-neo4j';
import { createLogger } from '../src/server/logger';
import { createYogaApp } from '../src/server/yoga';
import { buildService, serviceBundle } from '../scripts/support/bundle';
import { freePort } from './support/ports';
import { projectRoot } from '../src/project-root';
import { createTestService } from './support/service';

interface RunResult {
  code: number | null;
  output: string;
  elapsedMs: number;
}

// `npm start` runs the bundle: build it as `npm run build` does.
beforeAll(buildService);

/** Runs what `npm start` runs, as a user would, with the given environment. */
function runService(
  environment: Record<string, string>,
  stopWhen?: (output: string) => boolean | Promise<boolean>,
): Promise<RunResult> {
  const started = Date.now();
  const child = spawn(process.execPath, [serviceBundle], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...environment },
  });
  let output = '';
  return new Promise((resolve) => {
    let stopping = false;
    const collect = async (chunk: Buffer) => {
      output += chunk.toString();
      if (stopping || !stopWhen) return;
      stopping = true;
      if (await stopWhen(output)) child.kill('SIGTERM');
      else stopping = false;
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code) => resolve({ code, output, elapsedMs: Date.now() - started }));
  });
}


describe('configuration', () => {
  it('applies defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(4000);
    expect(config.NEO4J_URI).toBeUndefined();
    expect(config.NEO4J_DATABASE).toBe('neo4j');
  });

  it('accepts bolt, neo4j and neo4j+s URIs', () => {
    for (const uri of ['bolt://db:7687', 'neo4j://cluster.example:7687', 'neo4j+s://abc.databases.neo4j.io']) {
      expect(loadConfig({ NEO4J_URI: uri }).NEO4J_URI).toBe(uri);
    }
  });

  it('names every bad variable and its value', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://localhost:7474', SEED_WHEN_EMPTY: 'maybe' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT="eighty"/);
    expect(attempt).toThrow(/NEO4J_URI="http:\/\/localhost:7474": must be a bolt/);
    expect(attempt).toThrow(/SEED_WHEN_EMPTY="maybe"/);
  });

  it('stops the service with exit code 2 and the variable named', async () => {
    const result = await runService({ PORT: '99999' });
    expect(result.code).toBe(2);
    expect(result.output).toContain('PORT="99999"');
  });
});

describe('start-up against an unreachable Neo4j', () => {
  it('serves while Neo4j is down (not ready, UNAVAILABLE), retries with back-off, and becomes ready when it answers; a later outage fails fast and heals', { timeout: 120_000 }, async () => {
    const [port, httpPort] = [await freePort(), await freePort()];
    const child = spawn(process.execPath, [serviceBundle], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NEO4J_URI: `bolt://127.0.0.1:${port}`, PORT: String(httpPort) },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const until = async (condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!(await condition())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; output:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const ready = async () => (await fetch(`http://127.0.0.1:${httpPort}/ready`).catch(() => undefined))?.status === 200;
    const ask = async () => {
      const started = Date.now();
      const response = await fetch(`http://127.0.0.1:${httpPort}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ place(key: "place:ru") { name } }' }),
      });
      return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] }, ms: Date.now() - started };
    };
    // A TCP relay to the test Neo4j on `port`: opened late, then cut, to play a Neo4j that is down.
    const target = new URL(inject('neo4jUri'));
    const sockets = new Set<Socket>();
    const relay = createServer((client) => {
      const upstream = connect(Number(target.port), target.hostname);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('error', () => socket.destroy());
        socket.on('close', () => sockets.delete(socket));
      }
      client.pipe(upstream).pipe(client);
    });
    const openRelay = () => new Promise<void>((resolve) => relay.listen(port, '127.0.0.1', resolve));
    const cutRelay = async () => {
      await new Promise<void>((resolve) => {
        relay.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    };
    try {
      await until(() => output.includes('GraphQL and GraphiQL at'), 'the HTTP server');
      await until(() => output.includes(`Neo4j at bolt://127.0.0.1:${port} does not answer`) && output.includes('retrying in'), 'a retry log line');
      expect((await fetch(`http://127.0.0.1:${httpPort}/health`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${httpPort}/ready`)).status).toBe(503);
      const early = await ask();
      expect(early.status).toBe(503);
      expect(early.body.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');

      await openRelay();
      await until(ready, '/ready to turn 200');
      expect((await ask()).body.data).toEqual({ place: { name: 'Russia' } });

      await cutRelay();
      const during = await ask();
      expect(during.body.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
      expect(during.ms).toBeLessThan(10_000);

      await openRelay();
      await until(async () => (await ask()).body.data !== undefined, 'queries to work again');
      expect((await ask()).body.data).toEqual({ place: { name: 'Russia' } });
    } finally {
      child.kill('SIGTERM');
      await cutRelay().catch(() => undefined);
    }
    expect(await exited).toBe(0);
  });

  it('reports /ready as 503 while /health stays 200', async () => {
    const config = loadConfig({ NEO4J_CONNECT_TIMEOUT_MS: '1000' });
    const driver = createDriver('bolt://127.0.0.1:1', config);
    const yoga = createYogaApp({ gateway: new Neo4jGateway(driver, 'neo4j', 1000), logger: createLogger('silent'), config });
    try {
      expect((await yoga.fetch('http://localhost/health')).status).toBe(200);
      expect((await yoga.fetch('http://localhost/ready')).status).toBe(503);
    } finally {
      await driver.close();
    }
  });
});

describe('the local Neo4j', () => {
  it('refuses a port that is taken, naming the alternatives', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    try {
      const attempt = startLocalNeo4j({ dataDir: '.neo4j/unused', boltPort: address.port, heapMb: 256, pageCacheMb: 16, log: () => {} });
      await expect(attempt).rejects.toThrow(LocalNeo4jError);
      await expect(attempt).rejects.toThrow(new RegExp(`Port ${address.port} .*already in use`));
      await expect(attempt).rejects.toThrow(/NEO4J_URI.*docker compose up/s);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});

describe('the running service', () => {
  const service = createTestService();
  afterAll(() => service.close());

  it('answers { __typename } and the database field over HTTP', async () => {
    const response = await service.graphql('{ __typename database { name edition version } }');
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({
      __typename: 'Query',
      database: { name: 'neo4j', edition: 'community', version: expect.stringMatching(/^5\.26\./) },
    });
    expect(response.roundTrips).toEqual(['database-info']);
  });

  it('serves /health and /ready', async () => {
    expect((await service.yoga.fetch('http://localhost/health')).status).toBe(200);
    expect((await service.yoga.fetch('http://localhost/ready')).status).toBe(200);
  });

  it('serves GraphiQL to a browser at /graphql, with no asset from another host', async () => {
    const response = await service.yoga.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('<title>Conflict graph</title>');
    expect(page).not.toMatch(/<(script|link|img)[^>]+(src|href)="?(https?:)?\/\//i);
  });

  it('starts from the command line, serves over HTTP, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    let answer: unknown;
    const result = await runService(
      { NEO4J_URI: inject('neo4jUri'), NEO4J_DATABASE: service.gateway.database, PORT: String(port) },
      async (output) => {
        if (!output.includes('GraphQL and GraphiQL at') || !output.includes('"msg":"ready"')) return false;
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
        answer = await response.json();
        return true;
      },
    );
    expect(answer).toEqual({ data: { __typename: 'Query' } });
    // The Node that `npm start` runs, as the README promises.
    expect(result.output).toMatch(/"node":"v24\./);
    // /ready waits for the warm-up: it ran, before the service said it was ready.
    expect(result.output).toMatch(/"roundTrips":[1-9]\d*,"statements":[1-9]\d*,"msg":"warmed up"[\s\S]*"msg":"ready"/);
    expect(result.output).toContain('"msg":"stopped"');
    expect(result.code).toBe(0);
  });
});
