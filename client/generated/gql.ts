/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query EntityWithClaims($key: String!, $claims: Int = 10, $sources: Int = 10) {\n  entity(key: $key) {\n    __typename\n    key\n    ... on Actor {\n      name\n    }\n    ... on Place {\n      name\n    }\n    ... on Event {\n      name\n      startDate\n    }\n    ... on Equipment {\n      name\n    }\n    ... on Source {\n      title\n    }\n    claimsAbout(first: $claims) {\n      role\n      claim {\n        key\n        text\n        rank\n        madeAt\n        madeAtPrecision\n        sources(first: $sources) {\n          quote\n          first\n          source {\n            key\n            title\n            url\n            kind\n            publishedAt\n            reliability\n          }\n        }\n      }\n    }\n  }\n}": typeof types.EntityWithClaimsDocument,
    "query EventsNear($latitude: Float!, $longitude: Float!, $withinKm: Float!, $from: Date, $first: Int = 20, $after: String) {\n  events(\n    filter: {near: {latitude: $latitude, longitude: $longitude, withinKm: $withinKm}, from: $from}\n    orderBy: START_DATE_ASC\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    edges {\n      node {\n        key\n        name\n        type\n        startDate\n        endDate\n        fatalities\n        places(first: 5) {\n          place {\n            key\n            name\n          }\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.EventsNearDocument,
    "query Search($text: String!, $kinds: [EntityKind!], $first: Int = 10) {\n  search(text: $text, kinds: $kinds, first: $first) {\n    kind\n    score\n    entity {\n      __typename\n      key\n      ... on Actor {\n        name\n      }\n      ... on Place {\n        name\n      }\n      ... on Event {\n        name\n      }\n      ... on Equipment {\n        name\n      }\n      ... on Source {\n        title\n      }\n      ... on Claim {\n        text\n      }\n    }\n  }\n}": typeof types.SearchDocument,
    "query SyncClaims($first: Int = 100, $after: String, $recordedSince: DateTime) {\n  claims(\n    orderBy: CHANGED_ASC\n    filter: {recordedSince: $recordedSince}\n    first: $first\n    after: $after\n  ) {\n    edges {\n      node {\n        key\n        text\n        rank\n        formerKeys\n        recordedAt\n        updatedAt\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.SyncClaimsDocument,
};
const documents: Documents = {
    "query EntityWithClaims($key: String!, $claims: Int = 10, $sources: Int = 10) {\n  entity(key: $key) {\n    __typename\n    key\n    ... on Actor {\n      name\n    }\n    ... on Place {\n      name\n    }\n    ... on Event {\n      name\n      startDate\n    }\n    ... on Equipment {\n      name\n    }\n    ... on Source {\n      title\n    }\n    claimsAbout(first: $claims) {\n      role\n      claim {\n        key\n        text\n        rank\n        madeAt\n        madeAtPrecision\n        sources(first: $sources) {\n          quote\n          first\n          source {\n            key\n            title\n            url\n            kind\n            publishedAt\n            reliability\n          }\n        }\n      }\n    }\n  }\n}": types.EntityWithClaimsDocument,
    "query EventsNear($latitude: Float!, $longitude: Float!, $withinKm: Float!, $from: Date, $first: Int = 20, $after: String) {\n  events(\n    filter: {near: {latitude: $latitude, longitude: $longitude, withinKm: $withinKm}, from: $from}\n    orderBy: START_DATE_ASC\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    edges {\n      node {\n        key\n        name\n        type\n        startDate\n        endDate\n        fatalities\n        places(first: 5) {\n          place {\n            key\n            name\n          }\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.EventsNearDocument,
    "query Search($text: String!, $kinds: [EntityKind!], $first: Int = 10) {\n  search(text: $text, kinds: $kinds, first: $first) {\n    kind\n    score\n    entity {\n      __typename\n      key\n      ... on Actor {\n        name\n      }\n      ... on Place {\n        name\n      }\n      ... on Event {\n        name\n      }\n      ... on Equipment {\n        name\n      }\n      ... on Source {\n        title\n      }\n      ... on Claim {\n        text\n      }\n    }\n  }\n}": types.SearchDocument,
    "query SyncClaims($first: Int = 100, $after: String, $recordedSince: DateTime) {\n  claims(\n    orderBy: CHANGED_ASC\n    filter: {recordedSince: $recordedSince}\n    first: $first\n    after: $after\n  ) {\n    edges {\n      node {\n        key\n        text\n        rank\n        formerKeys\n        recordedAt\n        updatedAt\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.SyncClaimsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EntityWithClaims($key: String!, $claims: Int = 10, $sources: Int = 10) {\n  entity(key: $key) {\n    __typename\n    key\n    ... on Actor {\n      name\n    }\n    ... on Place {\n      name\n    }\n    ... on Event {\n      name\n      startDate\n    }\n    ... on Equipment {\n      name\n    }\n    ... on Source {\n      title\n    }\n    claimsAbout(first: $claims) {\n      role\n      claim {\n        key\n        text\n        rank\n        madeAt\n        madeAtPrecision\n        sources(first: $sources) {\n          quote\n          first\n          source {\n            key\n            title\n            url\n            kind\n            publishedAt\n            reliability\n          }\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query EntityWithClaims($key: String!, $claims: Int = 10, $sources: Int = 10) {\n  entity(key: $key) {\n    __typename\n    key\n    ... on Actor {\n      name\n    }\n    ... on Place {\n      name\n    }\n    ... on Event {\n      name\n      startDate\n    }\n    ... on Equipment {\n      name\n    }\n    ... on Source {\n      title\n    }\n    claimsAbout(first: $claims) {\n      role\n      claim {\n        key\n        text\n        rank\n        madeAt\n        madeAtPrecision\n        sources(first: $sources) {\n          quote\n          first\n          source {\n            key\n            title\n            url\n            kind\n            publishedAt\n            reliability\n          }\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EventsNear($latitude: Float!, $longitude: Float!, $withinKm: Float!, $from: Date, $first: Int = 20, $after: String) {\n  events(\n    filter: {near: {latitude: $latitude, longitude: $longitude, withinKm: $withinKm}, from: $from}\n    orderBy: START_DATE_ASC\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    edges {\n      node {\n        key\n        name\n        type\n        startDate\n        endDate\n        fatalities\n        places(first: 5) {\n          place {\n            key\n            name\n          }\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query EventsNear($latitude: Float!, $longitude: Float!, $withinKm: Float!, $from: Date, $first: Int = 20, $after: String) {\n  events(\n    filter: {near: {latitude: $latitude, longitude: $longitude, withinKm: $withinKm}, from: $from}\n    orderBy: START_DATE_ASC\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    edges {\n      node {\n        key\n        name\n        type\n        startDate\n        endDate\n        fatalities\n        places(first: 5) {\n          place {\n            key\n            name\n          }\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Search($text: String!, $kinds: [EntityKind!], $first: Int = 10) {\n  search(text: $text, kinds: $kinds, first: $first) {\n    kind\n    score\n    entity {\n      __typename\n      key\n      ... on Actor {\n        name\n      }\n      ... on Place {\n        name\n      }\n      ... on Event {\n        name\n      }\n      ... on Equipment {\n        name\n      }\n      ... on Source {\n        title\n      }\n      ... on Claim {\n        text\n      }\n    }\n  }\n}"): (typeof documents)["query Search($text: String!, $kinds: [EntityKind!], $first: Int = 10) {\n  search(text: $text, kinds: $kinds, first: $first) {\n    kind\n    score\n    entity {\n      __typename\n      key\n      ... on Actor {\n        name\n      }\n      ... on Place {\n        name\n      }\n      ... on Event {\n        name\n      }\n      ... on Equipment {\n        name\n      }\n      ... on Source {\n        title\n      }\n      ... on Claim {\n        text\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SyncClaims($first: Int = 100, $after: String, $recordedSince: DateTime) {\n  claims(\n    orderBy: CHANGED_ASC\n    filter: {recordedSince: $recordedSince}\n    first: $first\n    after: $after\n  ) {\n    edges {\n      node {\n        key\n        text\n        rank\n        formerKeys\n        recordedAt\n        updatedAt\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query SyncClaims($first: Int = 100, $after: String, $recordedSince: DateTime) {\n  claims(\n    orderBy: CHANGED_ASC\n    filter: {recordedSince: $recordedSince}\n    first: $first\n    after: $after\n  ) {\n    edges {\n      node {\n        key\n        text\n        rank\n        formerKeys\n        recordedAt\n        updatedAt\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;