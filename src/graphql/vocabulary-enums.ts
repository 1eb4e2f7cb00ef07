/**
 * The GraphQL enums of the catalogue's described vocabularies (`describedVocabularies` in
 * `src/model/vocabularies.ts`): roles, attributions, precisions and the like, which have no type
 * file of their own. Fields and inputs name them through the catalogue's `enum`.
 */
import { describedVocabularies, type DescribedVocabulary } from '../model';
import { builder } from './builder';

const enumDescriptions: Record<DescribedVocabulary, string> = {
  Attribution: 'How a source attributes a claim or a publication to its maker.',
  Confidence: 'How sure a recorded relationship is.',
  EventPlacePrecision: "Where an event happened, after ACLED's geo-precision.",
  ParticipantRole: "An actor's role in an event.",
  AcledActorSlot: "ACLED's actor slot of a participant.",
  PloverRole: "PLOVER's role of a participant.",
  SubjectRole: "An entity's role in a claim.",
  OrganizationType: 'What kind of organization it is.',
  EventCategory: 'Whether an event is political violence or context.',
  Translation: 'Whether a text held is a translation, and of what kind.',
  LocationPrecision: "What a place's point stands for.",
  PlaceNameKind: 'What kind of name a place name is.',
};

for (const [name, values] of Object.entries(describedVocabularies) as [DescribedVocabulary, Record<string, string>][]) {
  builder.enumType(name, {
    description: enumDescriptions[name],
    values: Object.fromEntries(Object.entries(values).map(([value, description]) => [value, { description }])),
  });
}
