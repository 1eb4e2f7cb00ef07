import { spawn } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAuthenticator, oncePerRequest } from '../src/server/auth';
import { ConfigError, loadConfig } from '../src/server/config';
import { createCredentialStore, readCredentials } from '../src/server/credentials';
import { createDriver } from '../src/db/connect';
import { Neo4jGateway } from '../src/db/gateway';
import { createLogger } from '../src/server/logger';
import { projectRoot } from '../src/project-root';
import { createYogaApp } from '../src/server/yoga';
import { buildService, serviceBundle } from '../scripts/support/bundle';
import { freePort } from './support/ports';
import { testConfig, testKeys } from './support/service';

const directory = mkdtempSync(path.join(tmpdir(), 'key-rotation-'));
const oldKey = 'old-analyst-key-0123456789abcdef';
const newKey = 'new-analyst-key-fedcba9876543210';
const secretA = 'first-jwt-secret-0123456789abcdef-0123456789';
const secretB = 'second-jwt-secret-fedcba9876543210-fedcba98';

const driver = createDriver(inject('neo4jUri'), testConfig());
afterAll(async () => {
  await driver.close();
  rmSync(directory, { recursive: true, force: true });
});

/** Polls, with a wide bound, for what a busy machine may take a while to show. */
async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface LogLine {
  level: number;
  msg: string;
  trigger?: string;
  added?: string[];
  removed?: string[];
}

/** The in-process service with reads closed to anonymous clients and the credential store's log lines kept. */
function serviceWith(environment: Record<string, string>) {
  const config = testConfig({ READ_ACCESS: 'authenticated', ...environment });
  const log: LogLine[] = [];
  const credentials = createCredentialStore(config, pino({ level: 'info' }, { write: (line: string) => log.push(JSON.parse(line) as LogLine) }));
  const gateway = new Neo4jGateway(driver, config.NEO4J_DATABASE, config.NEO4J_QUERY_TIMEOUT_MS);
  const yoga = createYogaApp({ gateway, logger: createLogger('silent'), config, credentials });
  /** What a client sees when it reads with these headers: "200 Russia", or the status and the error code. */
  async function read(headers: Record<string, string>) {
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: '{ place(key: "place:ru") { name } }' }),
    });
    const body = (await response.json()) as { data?: { place: { name: string } }; errors?: { extensions?: { code?: string } }[] };
    return `${response.status} ${body.data?.place.name ?? body.errors?.[0]?.extensions?.code}`;
  }
  return { credentials, log, read };
}

const jwt = (secret: string, expiresAt: string | number = '5m') =>
  new SignJWT({ scope: 'graph:read' }).setProtectedHeader({ alg: 'HS256' }).setSubject('analyst').setIssuedAt().setExpirationTime(expiresAt).sign(new TextEncoder().encode(secret));

describe('API keys from API_KEYS_FILE', () => {
  it('a key in the file works beside API_KEYS; rewritten and reloaded, the removed key gets 401 UNAUTHENTICATED and the new one works; the log names keys, never shows them', async () => {
    const file = path.join(directory, 'rotate.keys');
    writeFileSync(file, `# analysts\n\nanalyst:${oldKey}:read\n`);
    const { credentials, log, read } = serviceWith({ API_KEYS_FILE: file });
    expect(await read({ 'x-api-key': oldKey })).toBe('200 Russia');
    expect(await read({ 'x-api-key': newKey })).toBe('401 UNAUTHENTICATED');

    writeFileSync(file, `analyst-2026:${newKey}:read\n`);
    expect(credentials.reload()).toBe(true);
    expect(await read({ 'x-api-key': oldKey })).toBe('401 UNAUTHENTICATED');
    expect(await read({ authorization: `Bearer ${oldKey}` })).toBe('401 UNAUTHENTICATED');
    expect(await read({ 'x-api-key': newKey })).toBe('200 Russia');
    expect(await read({ authorization: `Bearer ${newKey}` })).toBe('200 Russia');
    // API_KEYS is not in the file and stays.
    expect(await read({ 'x-api-key': testKeys.reader })).toBe('200 Russia');

    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ level: 30, trigger: 'reload', added: ['analyst-2026'], removed: ['analyst'] });
    expect(log[0]!.msg).toContain('API keys added 1, removed 1, changed 0; in force: 4 API keys, 1 JWT secrets');
    expect(JSON.stringify(log)).not.toMatch(/analyst-key/);
  });

  it('a reload that fails (a bad line, a duplicate, no file) keeps the keys in force and logs an error naming the line, never the key', async () => {
    const file = path.join(directory, 'broken.keys');
    writeFileSync(file, `analyst:${oldKey}:read\n`);
    const { credentials, log, read } = serviceWith({ API_KEYS_FILE: file });
    const attempts: [string | undefined, RegExp][] = [
      [`# new keys\nanalyst-2026:${newKey}:read\nbroken:short:read\n`, /broken\.keys line 3: must be name:key:scope \(a key of 16 characters or more/],
      [`reader:${newKey}:read\n`, /line 1: the name "reader" is already used \(API_KEYS entry 1\)/],
      [`analyst-2026:${newKey}:read\nsecond:${newKey}:admin\n`, /line 2: the key of "second" is already the key of "analyst-2026" \(API_KEYS_FILE .* line 1\)/],
      [undefined, /broken\.keys cannot be read: ENOENT/],
    ];
    for (const [contents, error] of attempts) {
      if (contents === undefined) rmSync(file);
      else writeFileSync(file, contents);
      expect(credentials.reload()).toBe(false);
      expect(await read({ 'x-api-key': oldKey })).toBe('200 Russia');
      expect(await read({ 'x-api-key': newKey })).toBe('401 UNAUTHENTICATED');
      expect(log.at(-1)).toMatchObject({ level: 50, msg: expect.stringMatching(error) });
      expect(log.at(-1)!.msg).toContain('the ones in force stay');
    }
    expect(log).toHaveLength(attempts.length);
    expect(JSON.stringify(log)).not.toMatch(/analyst-key/);

    writeFileSync(file, `analyst-2026:${newKey}:read\n`);
    expect(credentials.reload()).toBe(true);
    expect(await read({ 'x-api-key': newKey })).toBe('200 Russia');
  });

  it('refuses to start with a bad line, naming the file and the line', () => {
    const file = path.join(directory, 'bad-at-start.keys');
    writeFileSync(file, `analyst:${oldKey}:read\nanalyst:${newKey}:write\n`);
    const attempt = () => readCredentials(testConfig({ API_KEYS_FILE: file }));
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/bad-at-start\.keys line 2: the name "analyst" is already used \(API_KEYS_FILE .*line 1\)/);
  });

  it('a request authenticated before a reload keeps its principal; the next request gets the new table', async () => {
    const file = path.join(directory, 'in-flight.keys');
    writeFileSync(file, `analyst:${oldKey}:write\n`);
    const config = testConfig({ API_KEYS_FILE: file });
    const credentials = createCredentialStore(config, createLogger('silent'));
    // As the service does: the rate limit, the GraphQL context and /metrics share one authentication per request.
    const authenticate = oncePerRequest(createAuthenticator(config, credentials.current));
    const request = () => new Request('http://localhost/graphql', { headers: { 'x-api-key': oldKey } });
    const inFlight = request();
    expect(await authenticate(inFlight)).toEqual({ id: 'key:analyst', level: 'write' });

    writeFileSync(file, `analyst-2026:${newKey}:write\n`);
    expect(credentials.reload()).toBe(true);
    expect(await authenticate(inFlight)).toEqual({ id: 'key:analyst', level: 'write' });
    await expect(authenticate(request())).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('an editor that replaces the file by a rename is seen without a signal', async () => {
    const file = path.join(directory, 'watched.keys');
    writeFileSync(file, `analyst:${oldKey}:read\n`);
    const { credentials, log, read } = serviceWith({ API_KEYS_FILE: file });
    const stop = credentials.watch();
    try {
      writeFileSync(`${file}.swp`, `analyst-2026:${newKey}:read\n`);
      renameSync(`${file}.swp`, file);
      await until(async () => (await read({ 'x-api-key': newKey })) === '200 Russia', 'the new key to work', 20_000);
      expect(await read({ 'x-api-key': oldKey })).toBe('401 UNAUTHENTICATED');
      expect(log).toContainEqual(expect.objectContaining({ trigger: 'file change', added: ['analyst-2026'], removed: ['analyst'] }));
    } finally {
      stop();
    }
  });
});

describe('JWT secrets', () => {
  it('JWT_SECRET_FILE rotates: old and new secret both verify while both are listed, the old one is refused once removed', async () => {
    const file = path.join(directory, 'jwt.secrets');
    writeFileSync(file, `${secretA}\n`);
    const { credentials, log, read } = serviceWith({ JWT_SECRET: '', JWT_SECRET_FILE: file });
    const bearer = async (token: Promise<string>) => read({ authorization: `Bearer ${await token}` });
    expect(await bearer(jwt(secretA))).toBe('200 Russia');
    expect(await bearer(jwt(secretB))).toBe('401 UNAUTHENTICATED');

    writeFileSync(file, `# new first, old until its tokens expire\n${secretB}\n${secretA}\n`);
    expect(credentials.reload()).toBe(true);
    expect(await bearer(jwt(secretA))).toBe('200 Russia');
    expect(await bearer(jwt(secretB))).toBe('200 Russia');

    writeFileSync(file, `${secretB}\n`);
    expect(credentials.reload()).toBe(true);
    expect(await bearer(jwt(secretA))).toBe('401 UNAUTHENTICATED');
    expect(await bearer(jwt(secretB))).toBe('200 Russia');

    // No secret left would turn JWTs off: refused, the secret in force stays.
    writeFileSync(file, '# nothing\n');
    expect(credentials.reload()).toBe(false);
    expect(log.at(-1)!.msg).toMatch(/jwt\.secrets holds no secret/);
    expect(await bearer(jwt(secretB))).toBe('200 Russia');
    expect(JSON.stringify(log)).not.toContain('jwt-secret');
  });

  it('JWT_SECRET takes comma-separated secrets that all verify; a token signed by one but expired says it expired', async () => {
    const config = loadConfig({ JWT_SECRET: `${secretB},${secretA}` });
    const authenticate = createAuthenticator(config, () => readCredentials(config));
    const withToken = async (token: string) => authenticate(new Request('http://localhost/graphql', { headers: { authorization: `Bearer ${token}` } }));
    expect(await withToken(await jwt(secretA))).toEqual({ id: 'jwt:analyst', level: 'read' });
    expect(await withToken(await jwt(secretB))).toEqual({ id: 'jwt:analyst', level: 'read' });
    const expired = await jwt(secretA, Math.floor(Date.now() / 1_000) - 60);
    await expect(withToken(expired)).rejects.toThrow('The bearer token was refused: it has expired.');
    expect(() => loadConfig({ JWT_SECRET: `${secretA},too-short` })).toThrow(/JWT_SECRET=.*one or more comma-separated secrets of at least 32 characters/);
  });
});

describe('the running service', () => {
  beforeAll(buildService);

  it('reloads API_KEYS_FILE on SIGHUP, keeps serving, and stops cleanly', { timeout: 120_000 }, async () => {
    const file = path.join(directory, 'service.keys');
    writeFileSync(file, `analyst:${oldKey}:read\n`);
    const port = await freePort();
    const child = spawn(process.execPath, [serviceBundle], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NEO4J_URI: inject('neo4jUri'), PORT: String(port), READ_ACCESS: 'authenticated', API_KEYS_FILE: file },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const read = async (key: string) =>
      (
        await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': key },
          body: JSON.stringify({ query: '{ __typename }' }),
        })
      ).status;
    try {
      await until(() => output.includes('"msg":"ready"'), 'the service to be ready');
      expect(await read(oldKey)).toBe(200);
      expect(await read(newKey)).toBe(401);

      writeFileSync(file, `analyst-2026:${newKey}:read\n`);
      child.kill('SIGHUP');
      await until(() => output.includes('"trigger":"SIGHUP"'), 'the SIGHUP reload to be logged');
      expect(await read(oldKey)).toBe(401);
      expect(await read(newKey)).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('"msg":"stopped"');
    expect(output).not.toContain('analyst-key');
  });

  it('refuses to start with a bad line of API_KEYS_FILE: exit code 2, the line named, the key not shown', async () => {
    const file = path.join(directory, 'refused.keys');
    writeFileSync(file, `analyst:${oldKey}:read\nanalyst-2026:${newKey}:superuser\n`);
    const child = spawn(process.execPath, [serviceBundle], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NEO4J_URI: 'bolt://127.0.0.1:1', API_KEYS_FILE: file },
    });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(2);
    expect(output).toContain(`API_KEYS_FILE ${file} line 2: must be name:key:scope`);
    expect(output).not.toContain('analyst-key');
  });
});
