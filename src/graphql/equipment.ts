import { equipmentCategories, lossStatuses } from '../model';
import { builder } from './builder';
import { scalarFields } from './scalar-fields';
import { addEntityMutations } from './writes';
import { ancestors, hop } from '../read/relation';
import { relationField, relationPageArg, singleRelationField } from './relations';
import { addKeyLookup, entityNodeOptions } from './entity-interface';
import { EntityRef, EquipmentRef } from './refs';

export const EquipmentCategory = builder.enumType('EquipmentCategory', {
  description: "What kind of materiel a system is; the General Staff's daily categories map onto these (docs/general-staff.md).",
  values: {
    TANK: { description: 'A main battle tank.' },
    INFANTRY_FIGHTING_VEHICLE: { description: 'An infantry fighting vehicle (BMP, BMD, Bradley).' },
    ARMOURED_PERSONNEL_CARRIER: { description: 'An armoured personnel carrier (BTR, MT-LB, M113).' },
    ARMOURED_FIGHTING_VEHICLE: { description: "Any other armoured combat vehicle, or one of those above when not told apart (the General Staff's \"armoured combat vehicles\")." },
    ARTILLERY: { description: 'Towed or self-propelled guns and mortars.' },
    MULTIPLE_ROCKET_LAUNCHER: { description: 'A multiple rocket launcher (BM-21 Grad, HIMARS).' },
    AIR_DEFENCE: { description: 'Anti-aircraft guns and surface-to-air missile systems.' },
    AIRCRAFT: { description: 'A fixed-wing aircraft.' },
    HELICOPTER: { description: 'A helicopter.' },
    DRONE: { description: 'An unmanned aerial vehicle.' },
    MISSILE: { description: 'A cruise or ballistic missile.' },
    MISSILE_LAUNCHER: { description: 'A mobile missile launcher (an Iskander launcher).' },
    SHIP: { description: 'A warship or boat.' },
    SUBMARINE: { description: 'A submarine.' },
    VEHICLE: { description: 'An unarmoured vehicle: trucks, cars, fuel tankers.' },
    SPECIAL_EQUIPMENT: { description: 'Engineering, command, radar, electronic-warfare and other special equipment.' },
    OTHER: { description: 'Anything else (ground robots...).' },
  } as const satisfies Record<(typeof equipmentCategories)[number], { description: string }>,
});

export const LossStatus = builder.enumType('LossStatus', {
  description: 'What became of a lost item, as a per-item loss record states it.',
  values: {
    DESTROYED: { description: 'Destroyed.' },
    DAMAGED: { description: 'Damaged.' },
    ABANDONED: { description: 'Abandoned by its owner.' },
    CAPTURED: { description: 'Captured: the captor is the claim\'s subject with role CAPTOR; the loss still counts against the OWNER.' },
  } as const satisfies Record<(typeof lossStatuses)[number], { description: string }>,
});

const equipmentFamily = hop({ tag: 'equipment.family', from: 'Equipment', type: 'VARIANT_OF', direction: 'out', to: 'Equipment' });
const equipmentVariants = hop({ tag: 'equipment.variants', from: 'Equipment', type: 'VARIANT_OF', direction: 'in', to: 'Equipment', order: ['item.name', 'item.key'] });
const equipmentAncestors = ancestors('equipment.ancestors', 'Equipment', 'VARIANT_OF');

builder.node(EquipmentRef, {
  description: 'A weapon system, model or family of materiel (T-90 and its variant T-90M), with its spellings in any script: what a loss claim is about.',
  interfaces: [EntityRef],
  ...entityNodeOptions('Equipment'),
  fields: (t) => ({
    ...scalarFields(t, 'Equipment'),
    family: t.field({ type: EquipmentRef, nullable: true, description: 'The model or family it is a variant of (T-90 for T-90M).', ...singleRelationField(() => equipmentFamily) }),
    ancestors: t.field({ type: [EquipmentRef], description: 'Every family it belongs to, nearest first.', args: relationPageArg(t.arg), ...relationField(() => equipmentAncestors) }),
    variants: t.field({ type: [EquipmentRef], description: 'Models that are variants of it directly.', args: relationPageArg(t.arg), ...relationField(() => equipmentVariants) }),
  }),
});

addKeyLookup('equipment', EquipmentRef, 'Equipment');
addEntityMutations('Equipment', EquipmentRef);
