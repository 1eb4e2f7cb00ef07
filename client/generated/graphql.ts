/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** How precise a date is; the stored date is the first day of the period, and its Earliest and Latest fields bound what it may denote. */
export type DatePrecision =
  /** The day that contains the date. */
  | 'DAY'
  /** The month that contains the date. */
  | 'MONTH'
  /** The quarter that contains the date. */
  | 'QUARTER'
  /** Some day between a first and a last day ("2024-03-12..2024-03-14"). */
  | 'RANGE'
  /** The week that contains the date. */
  | 'WEEK'
  /** The year that contains the date. */
  | 'YEAR';

/** The kinds of entity. */
export type EntityKind =
  /** Claims. */
  | 'CLAIM'
  /** Equipments. */
  | 'EQUIPMENT'
  /** Events. */
  | 'EVENT'
  /** Organizations. */
  | 'ORGANIZATION'
  /** Persons. */
  | 'PERSON'
  /** Places. */
  | 'PLACE'
  /** Sources. */
  | 'SOURCE'
  /** Units. */
  | 'UNIT';

/** ACLED's event types. */
export type EventType =
  /** Violent clashes between armed groups. */
  | 'BATTLES'
  /** Shelling, air and drone strikes, mines, remote explosives. */
  | 'EXPLOSIONS_REMOTE_VIOLENCE'
  /** Public demonstrations, non-violent. */
  | 'PROTESTS'
  /** Violent demonstrations and mob violence. */
  | 'RIOTS'
  /** Non-violent developments that matter: withdrawals, agreements, arrests, changes of control. */
  | 'STRATEGIC_DEVELOPMENTS'
  /** Violence by an armed group against unarmed people. */
  | 'VIOLENCE_AGAINST_CIVILIANS';

/** A claim's rank, after Wikidata: deprecated claims are kept but hidden unless asked for. */
export type Rank =
  /** Retracted or known wrong; kept with a reason. */
  | 'DEPRECATED'
  /** The default. */
  | 'NORMAL'
  /** Preferred over others on the same matter. */
  | 'PREFERRED';

/** Admiralty (NATO) grading of a source's reliability. */
export type Reliability =
  /** Completely reliable. */
  | 'A'
  /** Usually reliable. */
  | 'B'
  /** Fairly reliable. */
  | 'C'
  /** Not usually reliable. */
  | 'D'
  /** Unreliable. */
  | 'E'
  /** Reliability cannot be judged. */
  | 'F';

/** What kind of document a source is. */
export type SourceKind =
  /** An analyst's assessment (for example the Institute for the Study of War). */
  | 'ANALYSIS'
  /** A structured dataset. */
  | 'DATASET'
  /** An interview, broadcast or printed. */
  | 'INTERVIEW'
  /** An article of a news outlet. */
  | 'NEWS_ARTICLE'
  /** A statement by a government, ministry, armed force or official. */
  | 'OFFICIAL_STATEMENT'
  /** A photograph: evidence of a loss or an event (EVIDENCED_BY), with its URL. */
  | 'PHOTO'
  /** Background reference material (gazetteer, encyclopedia) for facts a report does not state. */
  | 'REFERENCE'
  /** A satellite image: evidence of a loss or an event (EVIDENCED_BY), with its URL. */
  | 'SATELLITE_IMAGE'
  /** A post on a social network or messaging channel (Telegram, X...). */
  | 'SOCIAL_POST'
  /** Known only as another source quotes or reports it, which does not say in what form it was made. */
  | 'UNSPECIFIED'
  /** A video: evidence of a loss or an event (EVIDENCED_BY), with its URL. */
  | 'VIDEO';

/** An entity's role in a claim. */
export type SubjectRole =
  /** Whom an appeal addresses. */
  | 'AUDIENCE'
  /** Who benefits. */
  | 'BENEFICIARY'
  /** For a loss: who captured it. */
  | 'CAPTOR'
  /** A possible controller of a place, when the claim does not say who. */
  | 'CONTROLLER_CANDIDATE'
  /** For a loss: what was lost. */
  | 'EQUIPMENT'
  /** The event the claim is about. */
  | 'EVENT'
  /** Acted upon. */
  | 'OBJECT'
  /** For a loss: the side that lost it. */
  | 'OWNER'
  /** The place the claim is about. */
  | 'PLACE'
  /** The claim is about what this actor does or is. */
  | 'SUBJECT'
  /** What the statement is directed against. */
  | 'TARGET';

export type EntityWithClaimsQueryVariables = Exact<{
  key: string;
  claims?: number | null | undefined;
  sources?: number | null | undefined;
}>;


export type EntityWithClaimsQuery = { entity:
    | { __typename: 'Claim', key: string, claimsAbout: Array<{ role: SubjectRole | null, claim: { key: string, text: string, rank: Rank, madeAt: string | null, madeAtPrecision: DatePrecision | null, sources: Array<{ quote: string | null, first: boolean, source: { key: string, title: string | null, url: string | null, kind: SourceKind | null, publishedAt: string | null, reliability: Reliability | null } }> } }> }
    | { __typename: 'Equipment', name: string, key: string, claimsAbout: Array<{ role: SubjectRole | null, claim: { key: string, text: string, rank: Rank, madeAt: string | null, madeAtPrecision: DatePrecision | null, sources: Array<{ quote: string | null, first: boolean, source: { key: string, title: string | null, url: string | null, kind: SourceKind | null, publishedAt: string | null, reliability: Reliability | null } }> } }> }
    | { __typename: 'Event', name: string, startDate: string | null, key: string, claimsAbout: Array<{ role: SubjectRole | null, claim: { key: string, text: string, rank: Rank, madeAt: string | null, madeAtPrecision: DatePrecision | null, sources: Array<{ quote: string | null, first: boolean, source: { key: string, title: string | null, url: string | null, kind: SourceKind | null, publishedAt: string | null, reliability: Reliability | null } }> } }> }
    | { __typename: 'Organization', name: string, key: string, claimsAbout: Array<{ role: SubjectRole | null, claim: { key: string, text: string, rank: Rank, madeAt: string | null, madeAtPrecision: DatePrecision | null, sources: Array<{ quote: string | null, first: boolean, source: { key: string, title: string | null, url: string | null, kind: SourceKind | null, publishedAt: string | null, reliability: Reliability | null } }> } }> }
    | { __typename: 'Person', name: string, key: string, claimsAbout: Array<{ role: SubjectRole | null, claim: { key: string, text: string, rank: Rank, madeAt: string | null, madeAtPrecision: DatePrecision | null, sources: Array<{ quote: string | null, first: boolean, source: { key: string, title: string | null, url: string | null, kind: SourceKind | null, publishedAt: string | null, reliability: Reliability | null } }> } }> }
    | { __typename: 'Place', name: string, key: string, claimsAbout: Array<{ role: SubjectRole | null, claim: { key: string, text: string, rank: Rank, madeAt: string | null, madeAtPrecision: DatePrecision | null, sources: Array<{ quote: string | null, first: boolean, source: { key: string, title: string | null, url: string | null, kind: SourceKind | null, publishedAt: string | null, reliability: Reliability | null } }> } }> }
    | { __typename: 'Source', title: string | null, key: string, claimsAbout: Array<{ role: SubjectRole | null, claim: { key: string, text: string, rank: Rank, madeAt: string | null, madeAtPrecision: DatePrecision | null, sources: Array<{ quote: string | null, first: boolean, source: { key: string, title: string | null, url: string | null, kind: SourceKind | null, publishedAt: string | null, reliability: Reliability | null } }> } }> }
    | { __typename: 'Unit', name: string, key: string, claimsAbout: Array<{ role: SubjectRole | null, claim: { key: string, text: string, rank: Rank, madeAt: string | null, madeAtPrecision: DatePrecision | null, sources: Array<{ quote: string | null, first: boolean, source: { key: string, title: string | null, url: string | null, kind: SourceKind | null, publishedAt: string | null, reliability: Reliability | null } }> } }> }
   | null };

export type EventsNearQueryVariables = Exact<{
  latitude: number;
  longitude: number;
  withinKm: number;
  from?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type EventsNearQuery = { events: { totalCount: number, edges: Array<{ node: { key: string, name: string, type: EventType | null, startDate: string | null, endDate: string | null, fatalities: number | null, places: Array<{ place: { key: string, name: string } }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SearchQueryVariables = Exact<{
  text: string;
  kinds?: Array<EntityKind> | EntityKind | null | undefined;
  first?: number | null | undefined;
}>;


export type SearchQuery = { search: Array<{ kind: EntityKind, score: number, entity:
      | { __typename: 'Claim', text: string, key: string }
      | { __typename: 'Equipment', name: string, key: string }
      | { __typename: 'Event', name: string, key: string }
      | { __typename: 'Organization', name: string, key: string }
      | { __typename: 'Person', name: string, key: string }
      | { __typename: 'Place', name: string, key: string }
      | { __typename: 'Source', title: string | null, key: string }
      | { __typename: 'Unit', name: string, key: string }
     }> };

export type SyncClaimsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  recordedSince?: string | null | undefined;
}>;


export type SyncClaimsQuery = { claims: { edges: Array<{ node: { key: string, text: string, rank: Rank, formerKeys: Array<string>, recordedAt: string | null, updatedAt: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };


export const EntityWithClaimsDocument = {"__meta__":{"hash":"sha256:f25db26a1aa17c313f20947cf41d8d09769d6e920212eceaeac0be45e2d9ddb7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EntityWithClaims"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"claims"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sources"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Actor"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Place"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Event"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Equipment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Source"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"claimsAbout"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"claims"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"claim"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"madeAt"}},{"kind":"Field","name":{"kind":"Name","value":"madeAtPrecision"}},{"kind":"Field","name":{"kind":"Name","value":"sources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sources"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"first"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reliability"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<EntityWithClaimsQuery, EntityWithClaimsQueryVariables>;
export const EventsNearDocument = {"__meta__":{"hash":"sha256:1775fa8d3f6f5c6020c91353bf0921449a4d06ecf445514ef364d8ad2861f863"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EventsNear"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"latitude"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"longitude"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withinKm"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"near"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"latitude"},"value":{"kind":"Variable","name":{"kind":"Name","value":"latitude"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"longitude"},"value":{"kind":"Variable","name":{"kind":"Name","value":"longitude"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"withinKm"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withinKm"}}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"START_DATE_ASC"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"fatalities"}},{"kind":"Field","name":{"kind":"Name","value":"places"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"place"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<EventsNearQuery, EventsNearQueryVariables>;
export const SearchDocument = {"__meta__":{"hash":"sha256:25f35b600bf45e6e960e85a7c2e95d8b21143e9f7db22da09e1000f08da02261"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Search"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kinds"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EntityKind"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"search"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}},{"kind":"Argument","name":{"kind":"Name","value":"kinds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kinds"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"entity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Actor"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Place"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Event"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Equipment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Source"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Claim"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SearchQuery, SearchQueryVariables>;
export const SyncClaimsDocument = {"__meta__":{"hash":"sha256:0a5fa746f218043daccf009849b93ca9aa9e70daf029c974bba902a3f4569852"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SyncClaims"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"100"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"recordedSince"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"claims"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"CHANGED_ASC"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"recordedSince"},"value":{"kind":"Variable","name":{"kind":"Name","value":"recordedSince"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"formerKeys"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<SyncClaimsQuery, SyncClaimsQueryVariables>;