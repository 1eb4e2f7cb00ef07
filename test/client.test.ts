import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../client/client';
import { EntityWithClaimsDocument, SearchDocument } from '../client/generated/graphql';
import { consumerVariables, runConsumer } from '../client/examples/consumer';
import { runSync, type SyncState } from '../client/examples/sync';
import { projectRoot } from '../src/project-root';
import { createTestService, testKeys, type TestService } from './support/service';

const service = createTestService();
const writer = { authorization: `Bearer ${testKeys.writer}` };
const dir = mkdtempSync(path.join(tmpdir(), 'client-'));
// The allow-list as an operator builds it from the client's generated persisted documents.
const allowList = path.join(dir, 'operations.json');
execFileSync(path.join(projectRoot, 'node_modules/.bin/tsx'), ['scripts/persisted-operations.ts', 'client/generated/persisted-documents.json', allowList], { cwd: projectRoot, stdio: 'pipe' });
const persistedService = createTestService({ PERSISTED_OPERATIONS_FILE: allowList });

/** The client over a service in-process, counting its requests. */
function clientOf(target: TestService, persisted: boolean) {
  const counted = { requests: 0 };
  const request = createClient({
    url: 'http://localhost/graphql',
    persisted,
    fetch: async (url, init) => {
      counted.requests += 1;
      return target.yoga.fetch(url, init);
    },
  });
  return { request, counted };
}

async function data<T>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<T> {
  const response = await service.graphql<T>(query, variables, headers);
  expect(response.body.errors).toBeUndefined();
  return response.body.data!;
}

async function removeTestData() {
  await service.gateway.write(
    'test.client.cleanup',
    `MATCH (n) WHERE n.key CONTAINS 'test-client'
     OPTIONAL MATCH (n)<-[:REVISES|REDIRECTS_TO]-(bookkeeping)
     DETACH DELETE n, bookkeeping`,
  );
}

beforeAll(removeTestData);
afterAll(async () => {
  await removeTestData();
  await Promise.all([service.close(), persistedService.close()]);
});

describe('npm run example:consumer', () => {
  it('prints the events near a point since a date, following cursors page by page, with plain and persisted documents', async () => {
    const args = ['--latitude', '50.4833', '--longitude', '35.6667', '--within-km', '400', '--from', '2023-01-01', '--page-size', '2'];
    const { latitude, longitude, withinKm, from } = consumerVariables(args);
    const listed = (filter: Record<string, unknown>) =>
      data<{ events: { edges: { node: { key: string; startDate: string | null } }[] } }>(
        'query ($filter: EventFilter) { events(filter: $filter, orderBy: START_DATE_ASC, first: 100) { edges { node { key startDate } } } }',
        { filter },
      );
    const expected = await listed({ near: { latitude, longitude, withinKm }, from });
    const expectedLines = expected.events.edges.map(({ node }) => [node.startDate ?? '', node.key]);
    // Enough events for the cursors to matter at two a page, and the date leaves some out.
    expect(expectedLines.length).toBeGreaterThan(2);
    expect((await listed({ near: { latitude, longitude, withinKm } })).events.edges.length).toBeGreaterThan(expectedLines.length);

    for (const persisted of [false, true]) {
      const { request, counted } = clientOf(persisted ? persistedService : service, persisted);
      const lines: string[] = [];
      const count = await runConsumer(args, request, (line) => lines.push(line));
      expect(count).toBe(expectedLines.length);
      expect(lines.map((line) => line.split('\t').slice(0, 2))).toEqual(expectedLines);
      expect(counted.requests).toBe(Math.ceil(expectedLines.length / 2));
    }
  });
});

describe('the typed documents', () => {
  it('read an entity with its claims and their sources, and search, as persisted documents', async () => {
    const { request } = clientOf(persistedService, true);
    const key = 'place:ru:lozovaya-rudka';
    const expected = await data<{ place: { name: string; claimsAbout: { claim: { key: string; sources: { source: { key: string } }[] } }[] } }>(
      'query ($key: String!) { place(key: $key) { name claimsAbout(first: 50) { claim { key sources(first: 20) { source { key } } } } } }',
      { key },
    );
    expect(expected.place.claimsAbout.length).toBeGreaterThan(0);
    const { entity } = await request(EntityWithClaimsDocument, { key, claims: 50, sources: 20 });
    expect(entity?.__typename === 'Place' && entity.name).toBe(expected.place.name);
    expect(entity?.claimsAbout.map(({ claim }) => [claim.key, claim.sources.map(({ source }) => source.key)])).toEqual(
      expected.place.claimsAbout.map(({ claim }) => [claim.key, claim.sources.map(({ source }) => source.key)]),
    );

    const { search: hits } = await request(SearchDocument, { text: expected.place.name, kinds: ['PLACE'] });
    expect(hits.map((hit) => hit.entity.key)).toContain(key);
  });
});

describe('npm run example:sync', () => {
  it('copies every claim, then resumes from the saved cursor with only what changed, through persisted documents', async () => {
    const file = path.join(dir, 'claims-copy.json');
    const { request, counted } = clientOf(persistedService, true);
    const sync = async () => {
      const lines: string[] = [];
      await runSync(['--state', file, '--page-size', '40'], request, (line) => lines.push(line));
      return lines;
    };
    /** The server's claims, deprecated ones too, as the copy should hold them. */
    const serverClaims = async () => {
      const claims = new Map<string, { text: string; rank: string }>();
      let after: string | null = null;
      for (;;) {
        const page: { claims: { edges: { node: { key: string; text: string; rank: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } = await data(
          'query ($after: String) { claims(includeDeprecated: true, first: 100, after: $after) { edges { node { key text rank } } pageInfo { hasNextPage endCursor } } }',
          { after },
        );
        for (const { node } of page.claims.edges) claims.set(node.key, { text: node.text, rank: node.rank });
        if (!page.claims.pageInfo.hasNextPage) return claims;
        after = page.claims.pageInfo.endCursor;
      }
    };
    const copy = () => {
      const state = JSON.parse(readFileSync(file, 'utf8')) as SyncState;
      return { cursor: state.cursor, claims: new Map(Object.values(state.claims).map((claim) => [claim.key, { text: claim.text, rank: claim.rank }])) };
    };

    const first = await sync();
    const before = await serverClaims();
    expect(first).toHaveLength(before.size);
    // hasNextPage is exact (totalCount counts what follows): a full last page asks for no empty one.
    expect(counted.requests).toBe(Math.max(1, Math.ceil(before.size / 40)));
    expect(copy().claims).toEqual(before);
    const cursor = copy().cursor;
    expect(cursor).toEqual(expect.any(String));

    // Nothing changed: one request from the saved cursor, nothing printed, the cursor kept.
    expect(await sync()).toEqual([]);
    expect(copy().cursor).toBe(cursor);

    const key = 'claim:test-client:sync';
    await data(
      'mutation ($input: RecordClaimInput!) { recordClaim(input: $input) { status } }',
      {
        input: {
          key,
          properties: { text: 'The village was shelled (client sync test).', type: 'OTHER', stance: 'ASSERTS', basis: 'CLAIMED_BY_PARTY', madeAt: '2024-03-14' },
          madeBy: [{ key: 'unit:russian-volunteer-corps' }],
          about: [{ key: 'place:ru:lozovaya-rudka', role: 'PLACE' }],
          sources: [{ key: 'source:social-post:test-client', first: true, source: { kind: 'SOCIAL_POST', title: 'Client sync test', publishedAt: '2024-03-14' } }],
        },
      },
      writer,
    );
    await data('mutation { setClaimRank(key: "claim:test-client:sync", rank: DEPRECATED, reason: REFUTED) { status } }', {}, writer);

    // Recorded, then retracted: one change, in its latest state.
    const resumed = await sync();
    expect(resumed.map((line) => line.split('\t').slice(0, 3))).toEqual([['changed', key, 'DEPRECATED']]);
    expect(copy().claims).toEqual(await serverClaims());
    expect(copy().cursor).not.toBe(cursor);
  });
});
