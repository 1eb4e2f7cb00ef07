import { builder } from './builder';
import { scalarFields } from './scalar-fields';
import { addEntityMutations } from './writes';
import { addKeyLookup, entityNodeOptions } from './entity-interface';
import { ActorRef, EntityRef, OrganizationRef } from './refs';

builder.node(OrganizationRef, {
  description: 'A state, ministry, media outlet, analysts\' institute or other organization that acts or speaks.',
  interfaces: [EntityRef, ActorRef],
  ...entityNodeOptions('Organization'),
  fields: (t) => scalarFields(t, 'Organization'),
});

addKeyLookup('organization', OrganizationRef, 'Organization');
addEntityMutations('Organization', OrganizationRef);
