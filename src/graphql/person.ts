import { builder } from './builder';
import { relationEnumField, relationDateFields, scalarFields } from './scalar-fields';
import { addEntityMutations } from './writes';
import { relationText, type Related } from './entity';
import { hop } from '../read/relation';
import { relationField, relationPageArg } from './relations';
import { addKeyLookup, entityNodeOptions } from './entity-interface';
import { ActorRef, EntityRef, PersonRef } from './refs';
import { basisFields } from './cited-source';

const personPositions = hop({ tag: 'person.positions', from: 'Person', type: 'HOLDS_POSITION', direction: 'out', order: ['r.from'], relatedAt: 'at' });

const PositionRef = builder.objectRef<Related>('Position').implement({
  description: 'A position a person held, at an organization or for a place, over a period.',
  fields: (t) => ({
    title: t.string({ description: 'The title: "Governor of Kursk Oblast".', resolve: (row) => relationText(row, 'title') ?? '' }),
    at: t.field({ type: EntityRef, description: 'The organization or place.', resolve: (row) => row.entity }),
    ...relationDateFields(t, 'from', 'Since when'),
    ...relationDateFields(t, 'to', 'Until when; null while held'),
    confidence: relationEnumField(t, 'HOLDS_POSITION', 'confidence', 'How sure the recorder is that it held the position.'),
    ...basisFields(t),
  }),
});

builder.node(PersonRef, {
  description: 'A named or described individual.',
  interfaces: [EntityRef, ActorRef],
  ...entityNodeOptions('Person'),
  fields: (t) => ({
    ...scalarFields(t, 'Person'),
    positions: t.field({ type: [PositionRef], description: 'Positions held over time, oldest first.', args: relationPageArg(t.arg), ...relationField(() => personPositions) }),
  }),
});

addKeyLookup('person', PersonRef, 'Person');
addEntityMutations('Person', PersonRef);
