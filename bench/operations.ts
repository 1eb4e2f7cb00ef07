// The representative operations of the benchmark, each as the service's GraphQL, as the best
// hand-written Cypher for the same answer (the floor) and as the same question to @neo4j/graphql
// over bench/peer/type-defs.graphql (the peer). Keys come from the generated graph
// (bench/generate.ts): the first region, its first settlement, the first event.
import neo4j from 'neo4j-driver';
import { encodeGlobalId } from '../src/graphql/global-id';
import { toLuceneQuery } from '../src/graphql/search-text';

export interface Subjects {
  region: string;
  settlement: string;
  event: string;
  searchText: string;
}

export interface Operation {
  name: string;
  graphql: { query: string; variables: Record<string, unknown> };
  /** One Cypher statement whose single row's `result` is the answer. */
  floor: { cypher: string; parameters: Record<string, unknown> };
  /** The same question in @neo4j/graphql's query language. */
  peer: { query: string; variables: Record<string, unknown> };
}

/** The service hides deprecated claims; a claim without a rank is NORMAL (a ClaimWhere of the peer). */
const visibleClaim = { OR: [{ rank: { eq: null } }, { NOT: { rank: { eq: 'DEPRECATED' } } }] };

export function operations(subjects: Subjects): Operation[] {
  // The service's own Lucene query, so that the floor and the peer search alike.
  const lucene = toLuceneQuery(subjects.searchText);
  return [
    {
      name: 'lookup by id',
      graphql: {
        query: 'query ($id: ID!) { node(id: $id) { id ... on Place { key name type location { latitude longitude } } } }',
        variables: { id: encodeGlobalId('Place', subjects.settlement) },
      },
      floor: {
        cypher: 'MATCH (p:Place {key: $key}) RETURN {key: p.key, name: p.name, type: p.type, location: p.location} AS result',
        parameters: { key: subjects.settlement },
      },
      peer: {
        query: 'query ($key: String!) { places(where: { key: { eq: $key } }) { key name type location { latitude longitude } } }',
        variables: { key: subjects.settlement },
      },
    },
    {
      name: 'search by name',
      graphql: {
        query: 'query ($text: String!) { search(text: $text, first: 10) { kind score entity { key ... on Place { name } } } }',
        variables: { text: subjects.searchText },
      },
      // The service's five indexes, its weights and its order (src/graphql/search.ts).
      floor: {
        cypher: `CALL () {
                   CALL db.index.fulltext.queryNodes('place_names_fulltext', $lucene, {limit: $first}) YIELD node, score RETURN node, score
                   UNION ALL
                   CALL db.index.fulltext.queryNodes('actor_names_fulltext', $lucene, {limit: $first}) YIELD node, score RETURN node, score
                   UNION ALL
                   CALL db.index.fulltext.queryNodes('event_text_fulltext', $lucene, {limit: $first}) YIELD node, score RETURN node, score
                   UNION ALL
                   CALL db.index.fulltext.queryNodes('claim_text_fulltext', $lucene, {limit: $first}) YIELD node, score RETURN node, score
                   UNION ALL
                   CALL db.index.fulltext.queryNodes('source_title_fulltext', $lucene, {limit: $first}) YIELD node, score RETURN node, score
                 }
                 WITH node, score * CASE WHEN node:Place OR node:Actor THEN 3.0 WHEN node:Event THEN 2.0 ELSE 1.0 END AS score
                 ORDER BY score DESC, node.key LIMIT $first
                 RETURN collect({kind: [label IN labels(node) WHERE label <> 'Actor'][0], score: score, key: node.key, name: node.name}) AS result`,
        parameters: { lucene, first: neo4j.int(10) },
      },
      peer: {
        query: 'query ($lucene: String!) { search(lucene: $lucene, first: 10) { kind score key name } }',
        variables: { lucene },
      },
    },
    {
      name: 'events in a region, nested',
      graphql: {
        query: `query ($region: String!) { events(filter: { inPlace: $region }, first: 20) { totalCount edges { node { key name startDate
          places { precision place { key name } } participants { role actor { key name } }
          claimsAbout { claim { key text sources { quote source { key title } } } } } } } }`,
        variables: { region: subjects.region },
      },
      floor: {
        cypher: `MATCH (e:Event)-[:OCCURRED_AT]->(:Place)-[:LOCATED_IN*0..8]->(:Place {key: $region})
                 WITH DISTINCT e ORDER BY e.startDate DESC, e.key
                 WITH collect(e) AS matching
                 RETURN {totalCount: size(matching), events: [e IN matching[0..20] | {key: e.key, name: e.name, startDate: e.startDate,
                   places: [(e)-[r:OCCURRED_AT]->(p:Place) | {precision: r.precision, key: p.key, name: p.name}],
                   participants: [(e)<-[r:PARTICIPATED_IN]-(a:Actor) | {role: r.role, key: a.key, name: a.name}],
                   claims: [(c:Claim)-[:ABOUT]->(e) WHERE coalesce(c.rank, 'NORMAL') <> 'DEPRECATED' | {key: c.key, text: c.text,
                     sources: [(c)-[s:STATED_IN]->(src:Source) | {quote: s.quote, key: src.key, title: src.title}]}]}]} AS result`,
        parameters: { region: subjects.region },
      },
      peer: {
        query: `query ($region: String!, $visible: ClaimWhere!) { places(where: { key: { eq: $region } }) { eventsWithinCount eventsWithin(first: 20) { key name startDate
          placesConnection { edges { properties { precision } node { key name } } }
          participantsConnection { edges { properties { role } node { key name } } }
          claimsAbout(where: $visible) { key text sourcesConnection { edges { properties { quote } node { key title } } } } } } }`,
        variables: { region: subjects.region, visible: visibleClaim },
      },
    },
    {
      name: "a place's timeline",
      graphql: {
        query: 'query ($key: String!) { place(key: $key) { name events { key name startDate type } } }',
        variables: { key: subjects.region },
      },
      floor: {
        cypher: `MATCH (place:Place {key: $key})
                 CALL (place) {
                   MATCH (e:Event)-[:OCCURRED_AT]->(:Place)-[:LOCATED_IN*0..8]->(place) RETURN e
                   UNION MATCH (e:Event)-[:OCCURRED_AT]->(place) RETURN e
                 }
                 WITH place, e ORDER BY e.startDate DESC, e.key
                 WITH place, collect({key: e.key, name: e.name, startDate: e.startDate, type: e.type}) AS events
                 RETURN {name: place.name, events: events} AS result`,
        parameters: { key: subjects.region },
      },
      peer: {
        query: 'query ($key: String!) { places(where: { key: { eq: $key } }) { name eventsWithin { key name startDate type } } }',
        variables: { key: subjects.region },
      },
    },
    {
      name: 'contested claims about a place',
      graphql: {
        query: `query ($key: String!) { place(key: $key) { name disputes { claims { key text }
          contradictions { claim { key } contradicts { key } note } } } }`,
        variables: { key: subjects.settlement },
      },
      floor: {
        cypher: `MATCH (n:Place {key: $key})<-[:ABOUT]-(c:Claim)-[r:CONTRADICTS]-(other:Claim)
                 WHERE coalesce(c.rank, 'NORMAL') <> 'DEPRECATED' AND coalesce(other.rank, 'NORMAL') <> 'DEPRECATED'
                 WITH n, collect(DISTINCT r) AS links
                 RETURN {name: n.name, contradictions: [r IN links | {claim: startNode(r).key, contradicts: endNode(r).key, note: r.note,
                   texts: [startNode(r).text, endNode(r).text]}]} AS result`,
        parameters: { key: subjects.settlement },
      },
      // Claims about the place in a contradiction, with both directions: the peer has no grouping into disputes.
      peer: {
        query: `query ($key: String!, $visible: ClaimWhere!) { places(where: { key: { eq: $key } }) { name
          claimsAbout(where: { AND: [$visible, { OR: [{ contradicts: { some: $visible } }, { contradictedBy: { some: $visible } }] }] }) { key text
            contradictsConnection(where: { node: $visible }) { edges { properties { note } node { key text } } }
            contradictedByConnection(where: { node: $visible }) { edges { properties { note } node { key text } } } } } }`,
        variables: { key: subjects.settlement, visible: visibleClaim },
      },
    },
    {
      name: 'deep node query',
      graphql: {
        query: `query ($id: ID!) { node(id: $id) { ... on Event { key name participants { role actor { key name
          events { role event { key name places { place { key name ancestors { key name } } } } } } } } } }`,
        variables: { id: encodeGlobalId('Event', subjects.event) },
      },
      floor: {
        cypher: `MATCH (e:Event {key: $key})
                 RETURN {key: e.key, name: e.name, participants: [(e)<-[r:PARTICIPATED_IN]-(a:Actor) | {role: r.role, key: a.key, name: a.name,
                   events: [(a)-[r2:PARTICIPATED_IN]->(e2:Event) | {role: r2.role, key: e2.key, name: e2.name,
                     places: [(e2)-[:OCCURRED_AT]->(p:Place) | {key: p.key, name: p.name,
                       ancestors: [(p)-[:LOCATED_IN*1..8]->(up:Place) | {key: up.key, name: up.name}]}]}]}]} AS result`,
        parameters: { key: subjects.event },
      },
      // An actor's events are declared on the Actor interface, so their properties are a union.
      peer: {
        query: `query ($key: String!) { events(where: { key: { eq: $key } }) { key name participantsConnection { edges { properties { role } node { key name
          eventsConnection { edges { properties { ... on Participation { role } } node { key name places { key name ancestors { key name } } } } } } } } } }`,
        variables: { key: subjects.event },
      },
    },
  ];
}
