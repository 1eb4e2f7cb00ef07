export * from './properties';
export * from './vocabularies';
export * from './entities';
export * from './relationships';
export * from './keys';
export * from './cypher-schema';
