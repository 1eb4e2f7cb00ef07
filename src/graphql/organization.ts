import { builder } from './builder';
import { addEntityMutations } from './writes';
import { text } from './entity';
import { addKeyLookup, entityNodeOptions } from './entity-interface';
import { ActorRef, EntityRef, OrganizationRef } from './refs';

builder.node(OrganizationRef, {
  description: 'A state, ministry, media outlet, analysts\' institute or other organization that acts or speaks.',
  interfaces: [EntityRef, ActorRef],
  ...entityNodeOptions('Organization'),
  fields: (t) => ({
    type: t.string({ nullable: true, description: 'STATE, MEDIA, ANALYST or another kind of organization.', resolve: (org) => text(org, 'type') }),
    countryCode: t.string({ nullable: true, description: 'ISO 3166-1 alpha-2 code of its country.', resolve: (org) => text(org, 'countryCode') }),
  }),
});

addKeyLookup('organization', OrganizationRef, 'Organization');
addEntityMutations('Organization', OrganizationRef);
