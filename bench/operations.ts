// The representative operations of the benchmark, each as the service's GraphQL and as the
// best hand-written Cypher for the same answer (the floor). Keys come from the generated graph
// (bench/generate.ts): the first region, its first settlement, the first event.
import { encodeGlobalId } from '../src/graphql/global-id';

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
}

export function operations(subjects: Subjects): Operation[] {
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
    },
    {
      name: 'search by name',
      graphql: {
        query: 'query ($text: String!) { search(text: $text, first: 10) { kind score entity { key ... on Place { name } } } }',
        variables: { text: subjects.searchText },
      },
      floor: {
        cypher: `CALL db.index.fulltext.queryNodes('place_names_fulltext', $lucene, {limit: 10}) YIELD node, score
                 RETURN collect({key: node.key, name: node.name, score: score}) AS result`,
        parameters: { lucene: `${subjects.searchText.toLowerCase()}^4 ${subjects.searchText.toLowerCase()}*^2` },
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
                 WITH collect(e) AS all
                 UNWIND all[0..20] AS e
                 RETURN {totalCount: size(all), events: collect({key: e.key, name: e.name, startDate: e.startDate,
                   places: [(e)-[r:OCCURRED_AT]->(p:Place) | {precision: r.precision, key: p.key, name: p.name}],
                   participants: [(e)<-[r:PARTICIPATED_IN]-(a:Actor) | {role: r.role, key: a.key, name: a.name}],
                   claims: [(c:Claim)-[:ABOUT]->(e) WHERE coalesce(c.rank, 'NORMAL') <> 'DEPRECATED' | {key: c.key, text: c.text,
                     sources: [(c)-[s:STATED_IN]->(src:Source) | {quote: s.quote, key: src.key, title: src.title}]}]})} AS result`,
        parameters: { region: subjects.region },
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
                 RETURN {name: place.name, events: collect({key: e.key, name: e.name, startDate: e.startDate, type: e.type})} AS result`,
        parameters: { key: subjects.region },
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
        cypher: `MATCH (n:Place {key: $key})<-[:ABOUT]-(c:Claim)-[r:CONTRADICTS]-(:Claim)
                 WITH n, collect(DISTINCT r) AS links
                 RETURN {name: n.name, contradictions: [r IN links | {claim: startNode(r).key, contradicts: endNode(r).key, note: r.note,
                   texts: [startNode(r).text, endNode(r).text]}]} AS result`,
        parameters: { key: subjects.settlement },
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
    },
  ];
}
