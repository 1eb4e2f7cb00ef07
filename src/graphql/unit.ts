import { sides } from '../model';
import { builder } from './builder';
import { relationDateFields, scalarFields } from './scalar-fields';
import { addEntityMutations } from './writes';
import type { Related } from './entity';
import { hop } from '../read/relation';
import { relationField, relationPageArg } from './relations';
import { addKeyLookup, entityNodeOptions } from './entity-interface';
import { ActorRef, EntityRef, UnitRef } from './refs';
import { basisFields } from './cited-source';

export const Side = builder.enumType('Side', {
  description: 'The side of the war an actor fights on.',
  values: { UKRAINE: { description: "Ukraine's side." }, RUSSIA: { description: "Russia's side." }, OTHER: { description: 'Neither, or a third party.' } } as const satisfies Record<(typeof sides)[number], { description: string }>,
});

const unitParents = hop({ tag: 'unit.parents', from: 'Unit', type: 'PART_OF', direction: 'out', to: 'Actor', order: ['r.from', 'item.key'], relatedAt: 'actor' });
const unitSubUnits = hop({ tag: 'unit.sub-units', from: 'Actor', type: 'PART_OF', direction: 'in', to: 'Unit', order: ['item.name', 'item.key'], relatedAt: 'actor' });

const MembershipRef = builder.objectRef<Related>('Membership').implement({
  description: 'A unit being part of a formation or state over a period.',
  fields: (t) => ({
    actor: t.field({ type: ActorRef, description: 'The other end: the parent (in parents) or the sub-unit (in subUnits).', resolve: (row) => row.entity }),
    ...relationDateFields(t, 'from', 'Since when; null if unknown'),
    ...relationDateFields(t, 'to', 'Until when; null while it lasts'),
    ...basisFields(t),
  }),
});

builder.node(UnitRef, {
  description: 'An armed formation: an army, a brigade, a volunteer legion.',
  interfaces: [EntityRef, ActorRef],
  ...entityNodeOptions('Unit'),
  fields: (t) => ({
    ...scalarFields(t, 'Unit'),
    parents: t.field({ type: [MembershipRef], description: 'Formations or states it is part of, over time.', args: relationPageArg(t.arg), ...relationField(() => unitParents) }),
    subUnits: t.field({ type: [MembershipRef], description: 'Units that are part of it, over time.', args: relationPageArg(t.arg), ...relationField(() => unitSubUnits) }),
  }),
});

addKeyLookup('unit', UnitRef, 'Unit');
addEntityMutations('Unit', UnitRef);
