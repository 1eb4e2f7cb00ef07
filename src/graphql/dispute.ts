/**
 * Disagreement: an entity's contradicting claims grouped into disputes, and the entities most
 * contested. Contradictions are read per entity (a relation) and grouped in code.
 */
import neo4j from 'neo4j-driver';
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { Plain } from '../db/values';
import { builder } from './builder';
import { entityFromRow, entityProjection, namesSelectedAt, plainProperties, relationText, type Entity, type Selected, type SelectionTypes } from './entity';
import { mapMaybePromise, relationField, relationPageArg } from './relations';
import { relation } from '../read/relation';
import { topLevel } from '../read/scope';
import { claimVisibilityArgs, type ClaimVisibility } from './visibility';
import { checkPageSize, listBound, maxPageSize } from './pagination';
import { ClaimRef, EntityRef } from './refs';

interface Dispute {
  claims: Entity[];
  contradictions: { claim: Entity; contradicts: Entity; relation: Record<string, Plain> }[];
}

/** Per entity, the contradictions that involve claims about it, with the selected properties; `disputes` groups them. */
const entityContradictions = (includeDeprecated: boolean) =>
  relation<Dispute['contradictions'][number]>({
    tag: 'entity.disputes',
    from: 'Entity',
    match: (scope, start) => `MATCH (c:Claim)-[:ABOUT]->(${start}) WHERE ${scope.visibleRank('c')} AND ${scope.knownAsOf('c')}
     MATCH (c)-[r:CONTRADICTS]-(other:Claim) WHERE ${scope.visibleRank('other')} AND ${scope.knownAsOf('other', 'r')}
     WITH DISTINCT r, startNode(r) AS a, endNode(r) AS b`,
    value: (scope) => `[${scope.entity('a')}, ${scope.entity('b')}, ${scope.relationship('r')}]`,
    order: 'a.key, b.key',
    nesting: { selection: disputeSelection },
    map: (value, asOf, selected) => {
      const [from, to, relationship] = value as [unknown, unknown, unknown[]];
      return { claim: entityFromRow(from, asOf, selected), contradicts: entityFromRow(to, asOf, selected), relation: plainProperties(relationship, selected?.relation ?? []) };
    },
    parameters: { includeDeprecated },
  });

/** What a selection of `disputes` reads: of its claims wherever they appear, and of the contradictions. */
function disputeSelection(fieldNodes: readonly FieldNode[], fragments: GraphQLResolveInfo['fragments'], types: SelectionTypes): Selected {
  const claimProperties = [['claims'], ['contradictions', 'claim'], ['contradictions', 'contradicts']].flatMap((path) => namesSelectedAt(fieldNodes, fragments, path, types));
  return { entity: [...new Set(claimProperties)].sort(), relation: namesSelectedAt(fieldNodes, fragments, ['contradictions'], types) };
}

/** Splits contradictions into groups of claims connected by them (union-find over claim keys). */
function groupContradictions(contradictions: Dispute['contradictions']): Dispute[] {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    const up = parent.get(key) ?? key;
    if (up === key) return key;
    const root = find(up);
    parent.set(key, root);
    return root;
  };
  for (const { claim, contradicts } of contradictions) parent.set(find(claim.key), find(contradicts.key));
  const disputes = new Map<string, Dispute>();
  for (const contradiction of contradictions) {
    const root = find(contradiction.claim.key);
    const dispute = disputes.get(root) ?? { claims: [], contradictions: [] };
    disputes.set(root, dispute);
    dispute.contradictions.push(contradiction);
    for (const claim of [contradiction.claim, contradiction.contradicts]) {
      if (!dispute.claims.some((known) => known.key === claim.key)) dispute.claims.push(claim);
    }
  }
  return [...disputes.values()];
}

const ContradictionRef = builder.objectRef<Dispute['contradictions'][number]>('Contradiction').implement({
  description: 'One claim contradicting another.',
  fields: (t) => ({
    claim: t.field({ type: ClaimRef, description: 'The contradicting claim.', resolve: (row) => row.claim }),
    contradicts: t.field({ type: ClaimRef, description: 'The claim it contradicts.', resolve: (row) => row.contradicts }),
    condition: t.string({ nullable: true, description: 'When it holds, if it depends on how an ambiguity is read.', resolve: (row) => relationText(row, 'condition') }),
    note: t.string({ nullable: true, description: 'Why they contradict each other.', resolve: (row) => relationText(row, 'note') }),
  }),
});

const DisputeRef = builder.objectRef<Dispute>('Dispute').implement({
  description: 'Claims bound together by contradictions: one disagreement, with every claim in it.',
  fields: (t) => ({
    claims: t.field({ type: [ClaimRef], description: 'Every claim in the disagreement.', extensions: listBound(2 * maxPageSize, 2), resolve: (dispute) => dispute.claims }),
    contradictions: t.field({ type: [ContradictionRef], description: 'Which claim contradicts which.', extensions: listBound(maxPageSize, 1), resolve: (dispute) => dispute.contradictions }),
  }),
});

const contradictionsField = relationField((args: ClaimVisibility) => entityContradictions(args.includeDeprecated ?? false));
const disputesField = {
  ...contradictionsField,
  resolve: (...args: Parameters<typeof contradictionsField.resolve>) => mapMaybePromise(contradictionsField.resolve(...args), groupContradictions),
};

builder.interfaceField(EntityRef, 'disputes', (t) =>
  t.field({
    type: [DisputeRef],
    description: 'Its claims that contradict others or are contradicted, grouped into disagreements: from its first `first` contradictions, in the order of the claims\' keys.',
    // `first` counts contradictions: the disagreements hold at most that many, and twice as many claims, which is how they are priced.
    args: { ...claimVisibilityArgs(t.arg), ...relationPageArg(t.arg) },
    ...disputesField,
  }),
);

interface ContestedEntity {
  entity: Entity;
  contradictions: number;
}

const ContestedRef = builder.objectRef<ContestedEntity>('Contested').implement({
  description: 'An entity with claims about it that contradict others.',
  fields: (t) => ({
    entity: t.field({ type: EntityRef, description: 'The place, event or other entity.', resolve: (row) => row.entity }),
    contradictions: t.int({ description: 'How many contradictions involve claims about it.', resolve: (row) => row.contradictions }),
  }),
});

const ContestedKind = builder.enumType('ContestedKind', {
  description: 'Kinds of entity that can be contested.',
  values: { PLACE: { description: 'Places.' }, EVENT: { description: 'Events.' }, ACTOR: { description: 'Units, people, organizations.' } } as const,
});

builder.queryField('contested', (t) =>
  t.field({
    type: [ContestedRef],
    description: 'What is contested: entities with contradicting claims about them, most contradictions first.',
    args: {
      kinds: t.arg({ type: [ContestedKind], defaultValue: ['PLACE', 'EVENT'], description: 'Which kinds of entity.' }),
      first: t.arg.int({ defaultValue: 20, description: `How many, at most ${maxPageSize}.` }),
      ...claimVisibilityArgs(t.arg),
    },
    resolve: async (_root, args, context) => {
      const first = checkPageSize(args.first ?? 20, 'first');
      const labelOfKind = { PLACE: 'Place', EVENT: 'Event', ACTOR: 'Actor' } as const;
      const labels = (args.kinds ?? ['PLACE', 'EVENT']).map((kind: keyof typeof labelOfKind) => labelOfKind[kind]);
      const rows = await context.db.read<{ entity: unknown; contradictions: number }>(
        'contested',
        `MATCH (c:Claim)-[:CONTRADICTS]-(:Claim) WHERE ${topLevel.visibleRank('c')} AND ${topLevel.knownAsOf('c')}
         MATCH (c)-[:ABOUT]->(n) WHERE any(label IN labels(n) WHERE label IN $labels) AND ${topLevel.knownAsOf('n')}
         MATCH (c)-[r:CONTRADICTS]-(other:Claim) WHERE ${topLevel.visibleRank('other')} AND ${topLevel.knownAsOf('other', 'r')}
         WITH n, count(DISTINCT r) AS contradictions
         RETURN n ${entityProjection('n')} AS entity, contradictions ORDER BY contradictions DESC, n.key LIMIT $first`,
        { includeDeprecated: args.includeDeprecated ?? false, asOf: args.asOf ?? null, labels, first: neo4j.int(first) },
      );
      return rows.map((row) => ({ entity: entityFromRow(row.entity, args.asOf ?? null), contradictions: row.contradictions }));
    },
  }),
);
