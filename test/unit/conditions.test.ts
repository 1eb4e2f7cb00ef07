import { describe, expect, it } from 'vitest';
import { Conditions } from '../../src/read/conditions';

// What a hostile client might send as a filter value: it must only ever reach Neo4j as a parameter.
const injection = "x'}) DETACH DELETE n //";

describe('Conditions: the WHERE clause of a list query', () => {
  it('is empty with no condition', () => {
    const conditions = new Conditions();
    expect(conditions.where).toBe('');
    expect(conditions.parameters).toEqual({});
  });

  it('joins the code\'s fragments with AND and gathers their parameters', () => {
    const conditions = new Conditions()
      .add('n.type IN $types', { types: ['RAID'] })
      .add('n.startDate <= date($to)', { to: '2024-03-31' })
      .add('n:Event');
    expect(conditions.where).toBe(' WHERE n.type IN $types AND n.startDate <= date($to) AND n:Event');
    expect(conditions.parameters).toEqual({ types: ['RAID'], to: '2024-03-31' });
  });

  it.each([
    ['a string', 'place:ua:kharkiv'],
    ['a list', ['RAID', 'SHELLING']],
    ['zero', 0],
    ['false', false],
  ])('adds a filter given %s, with the value as its parameter', (_, value) => {
    const conditions = new Conditions().when('value', value, 'n.property = $value');
    expect(conditions.where).toBe(' WHERE n.property = $value');
    expect(conditions.parameters).toEqual({ value });
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['an empty string', ''],
    ['an empty list', []],
  ])('leaves out a filter given %s, and its parameter', (_, value) => {
    const conditions = new Conditions().when('value', value, 'n.property = $value').when('side', 'RU', 'n.side = $side');
    expect(conditions.where).toBe(' WHERE n.side = $side');
    expect(conditions.parameters).toEqual({ side: 'RU' });
  });

  it('keeps user values out of the Cypher text: they travel only as parameters', () => {
    const conditions = new Conditions()
      .when('within', injection, 'EXISTS { (n)-[:LOCATED_IN*1..16]->(:Place {key: $within}) }')
      .when('types', [injection], 'n.type IN $types')
      .add('n.recordedAt <= datetime($asOf)', { asOf: injection });
    expect(conditions.where).not.toContain(injection);
    expect(conditions.where).not.toContain("x'");
    expect(conditions.parameters).toEqual({ within: injection, types: [injection], asOf: injection });
  });
});

describe('Conditions.period: time filters on stored intervals', () => {
  const interval = { start: 'n.startEarliest', end: 'n.endLatest' };
  it('OVERLAPS compares the end with from and the start with to', () => {
    const conditions = new Conditions().period(interval, { from: 'from', to: 'to' }, { from: '2024-03-14', to: '2024-03-14' });
    expect(conditions.where).toBe(' WHERE n.endLatest >= date($from) AND n.startEarliest <= date($to)');
    expect(conditions.parameters).toEqual({ from: '2024-03-14', to: '2024-03-14' });
  });

  it('WITHIN compares the start with from and the end with to', () => {
    const conditions = new Conditions().period(interval, { from: 'from', to: 'to' }, { from: '2024-03-01', to: '2024-03-31' }, 'WITHIN');
    expect(conditions.where).toBe(' WHERE n.startEarliest >= date($from) AND n.endLatest <= date($to)');
  });

  it('leaves out a bound that is not given, and never puts a value in the Cypher', () => {
    const conditions = new Conditions().period(interval, { from: 'madeFrom', to: 'madeTo' }, { to: injection });
    expect(conditions.where).toBe(' WHERE n.startEarliest <= date($madeTo)');
    expect(conditions.parameters).toEqual({ madeTo: injection });
  });
});
