import { builder } from './builder';
import type { Entity } from './entity';

// Declared apart from their implementations so that type files can refer to each other freely.
export const EntityRef = builder.interfaceRef<Entity>('Entity');
export const ActorRef = builder.interfaceRef<Entity>('Actor');
export const UnitRef = builder.objectRef<Entity>('Unit');
export const PersonRef = builder.objectRef<Entity>('Person');
export const OrganizationRef = builder.objectRef<Entity>('Organization');
export const PlaceRef = builder.objectRef<Entity>('Place');
export const EventRef = builder.objectRef<Entity>('Event');
export const ClaimRef = builder.objectRef<Entity>('Claim');
export const SourceRef = builder.objectRef<Entity>('Source');
export const EquipmentRef = builder.objectRef<Entity>('Equipment');
