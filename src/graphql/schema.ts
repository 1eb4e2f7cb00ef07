import { builder } from './builder';
import { withPerspectiveDirective } from './perspective';
import './scalars';
import './vocabulary-enums';
import './database-info';
import './entity-interface';
import './actor';
import './unit';
import './person';
import './organization';
import './place';
import './equipment';
import './event';
import './claim';
import './dispute';
import './source';
import './search';
import './link';
import './revision';
import './import-report';
import './aggregate';
import './facet';
import './federation';
import './live';

export const schema = withPerspectiveDirective(builder.toSchema({ sortSchema: true }));

/** The same types as an Apollo Federation v2 subgraph (`federation.ts`): `_service`, `_entities` and the entities' `@key`s. */
export const subgraphSchema = builder.toSubGraphSchema({ sortSchema: true, linkUrl: 'https://specs.apollo.dev/federation/v2.6', federationDirectives: ['@key'] });
