import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyScripts, cypherDir, loadScripts } from '../src/cypher/runner';
import { createDriver } from '../src/db/connect';
import { Neo4jGateway } from '../src/db/gateway';
import { startLocalNeo4j, type LocalNeo4j } from '../src/local-neo4j/local-neo4j';
import { createLogger } from '../src/server/logger';
import { createYogaApp } from '../src/server/yoga';
import { freePort } from './support/ports';
import { projectRoot } from '../src/project-root';
import { testConfig, testKeys } from './support/service';

// A Neo4j of this file's own, so that killing it leaves the other tests' database alone.
const dataDir = path.join(projectRoot, '.neo4j/restart-test');


let neo4j: LocalNeo4j | undefined;
afterAll(async () => {
  await neo4j?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const recordClaim = `mutation ($input: RecordClaimInput!) { recordClaim(input: $input) { status claim { key } } }`;

describe('a Neo4j that crashes and comes back while a writer records claims', () => {
  it('keeps every acknowledged write, duplicates none, and recovers without restarting the service', { timeout: 240_000 }, async () => {
    rmSync(dataDir, { recursive: true, force: true });
    const boltPort = await freePort();
    const start = () => startLocalNeo4j({ dataDir, boltPort, heapMb: 384, pageCacheMb: 64, log: () => {} });
    neo4j = await start();
    const config = testConfig({ NEO4J_URI: neo4j.uri });
    const driver = createDriver(neo4j.uri, config);
    const gateway = new Neo4jGateway(driver, 'neo4j', 15_000);
    await applyScripts(gateway, loadScripts([path.join(cypherDir, 'schema'), path.join(cypherDir, 'seed')]));
    const yoga = createYogaApp({ gateway, logger: createLogger('silent'), config });

    const acknowledged = new Set<string>();
    const failures = new Map<string, number>();
    let phase: 'before' | 'during' | 'after' = 'before';
    const acknowledgedIn = { before: 0, during: 0, after: 0 };
    let writing = true;
    const writer = async (id: number) => {
      for (let index = 0; writing; index += 1) {
        const key = `claim:restart-test:writer-${id}-${index}`;
        // A client retries what was not acknowledged, with the same key: at most once more per outage second.
        for (let attempt = 0; writing || attempt === 0; attempt += 1) {
          const response = await yoga.fetch('http://localhost/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-api-key': testKeys.writer },
            body: JSON.stringify({
              query: recordClaim,
              variables: {
                input: {
                  key,
                  properties: { text: `Restart test claim ${id}-${index}`, type: 'OTHER', madeAt: '2024-03-12' },
                  madeBy: [{ key: 'unit:freedom-of-russia-legion' }],
                  about: [{ key: 'event:2024-03-kursk-raid', role: 'EVENT' }],
                  sources: [{ key: 'source:article:000-1b3165c116f10b7f' }],
                },
              },
            }),
          });
          const body = (await response.json()) as { data?: { recordClaim?: { claim: { key: string } } }; errors?: { extensions?: { code?: string } }[] };
          if (body.data?.recordClaim) {
            acknowledged.add(body.data.recordClaim.claim.key);
            acknowledgedIn[phase] += 1;
            break;
          }
          const code = body.errors?.[0]?.extensions?.code ?? 'none';
          failures.set(code, (failures.get(code) ?? 0) + 1);
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }
    };
    const writers = [1, 2, 3].map(writer);
    const warmUp = Date.now() + 60_000;
    while (acknowledged.size < 10 && Date.now() < warmUp) await new Promise((resolve) => setTimeout(resolve, 100));

    phase = 'during';
    await neo4j.crash();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    neo4j = await start();
    // Back to normal once a write lands after the restart.
    const landedBefore = acknowledged.size;
    const deadline = Date.now() + 60_000;
    while (acknowledged.size === landedBefore && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    phase = 'after';
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    writing = false;
    await Promise.all(writers);

    expect(acknowledgedIn.before).toBeGreaterThan(0);
    expect(acknowledgedIn.after).toBeGreaterThan(0);
    // While Neo4j was down, writes failed as UNAVAILABLE (or TIMEOUT), never as internal errors.
    expect([...failures.keys()].every((code) => code === 'UNAVAILABLE' || code === 'TIMEOUT'), JSON.stringify([...failures])).toBe(true);
    expect(failures.size).toBeGreaterThan(0);

    const rows = await gateway.read<{ key: string; makers: number; subjects: number; sources: number }>(
      'test.restart.check',
      `MATCH (c:Claim) WHERE c.key STARTS WITH 'claim:restart-test:'
       RETURN c.key AS key, COUNT { (c)-[:MADE_BY]->() } AS makers, COUNT { (c)-[:ABOUT]->() } AS subjects, COUNT { (c)-[:STATED_IN]->() } AS sources`,
    );
    const stored = new Map(rows.map((row) => [row.key, row]));
    const lost = [...acknowledged].filter((key) => !stored.has(key));
    expect(lost).toEqual([]);
    expect(rows.length).toBe(new Set(rows.map((row) => row.key)).size);
    for (const row of rows) expect([row.makers, row.subjects, row.sources]).toEqual([1, 1, 1]);
    await driver.close();
  });
});
