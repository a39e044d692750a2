import { describe, expect, it } from 'vitest';
import { baseline, dependencyModel, giveBack, poolLabel, takeAway, type DependencyModel } from './dependencies.ts';
import { buildGraph } from './graph.ts';
import { diagram, edge, node } from './testing.ts';

describe('poolLabel', () => {
  it.each([
    ['Web 1', 'web'],
    [' WEB-2 ', 'web'],
    ['web_3', 'web'],
    ['web10', 'web'],
    ['lb1', 'lb'],
    ['lb-a', 'lb'],
    ['LB B', 'lb'],
    ['Shorten service', 'shorten service'],
    ['API', 'api'],
    ['Service A', 'service'],
    ['S3', 's'],
  ])('%j pools as %j', (label, key) => {
    expect(poolLabel(label)).toBe(key);
  });

  it('keeps a word that merely ends in a letter', () => {
    expect(poolLabel('Redis')).toBe('redis');
    expect(poolLabel('Read API')).not.toBe(poolLabel('Write API'));
  });
});

/** The need sets of a component, as lists of target ids. */
function needSets(model: DependencyModel, id: string): string[][] {
  const v = model.graph.componentIndex.get(id)!;
  const sets: string[][] = [];
  for (let s = model.setStart[v]!; s < model.setStart[v + 1]!; s++) {
    sets.push([...model.members.subarray(model.memberStart[s], model.memberStart[s + 1])].map((t) => model.graph.components[t]!.id));
  }
  return sets;
}

describe('need sets', () => {
  const targets = [
    node('w1', 'service', {}, { label: 'Web 1' }),
    node('w2', 'service', {}, { label: 'Web 2' }),
    node('q', 'queue', {}, { label: 'Jobs 1' }),
    node('s1', 'sql-database', {}, { label: 'Shard 1' }),
    node('s2', 'sql-database', {}, { label: 'Shard 2' }),
  ];
  const calls = (from: string) => targets.map((t) => edge(from, t.id));
  const modelOf = (caller: ReturnType<typeof node>) => dependencyModel(buildGraph(diagram(caller, targets, calls(caller.id))));

  it('pools interchangeable stateless targets and keeps every other target needed', () => {
    expect(needSets(modelOf(node('lb', 'load-balancer')), 'lb')).toEqual([['w1', 'w2'], ['q'], ['s1'], ['s2']]);
  });

  it('needs each target with needs: "all", and any one with needs: "any"', () => {
    expect(needSets(modelOf(node('lb', 'load-balancer', { needs: 'all' })), 'lb')).toEqual([['w1'], ['w2'], ['q'], ['s1'], ['s2']]);
    expect(needSets(modelOf(node('lb', 'load-balancer', { needs: 'any' })), 'lb')).toEqual([['w1', 'w2', 'q', 's1', 's2']]);
  });

  it('gives a third-party component no needs, and leaves optional edges out', () => {
    expect(needSets(modelOf(node('x', 'external')), 'x')).toEqual([]);
    const model = dependencyModel(buildGraph(diagram(node('api', 'service'), targets, edge('api', 's1', { optional: true } as never), edge('api', 's2'))));
    expect(needSets(model, 'api')).toEqual([['s2']]);
  });

  it('counts a set holding a client as always met', () => {
    const model = dependencyModel(buildGraph(diagram(node('c', 'client'), node('push', 'websocket-server'), edge('push', 'c'))));
    expect(model.alwaysMet[model.setStart[1]!]).toBe(1);
  });
});

describe('takeAway and giveBack', () => {
  it('follows what stops, nearest first, and restores the state exactly', () => {
    const doc = diagram(node('web', 'client'), node('a', 'service'), node('b', 'service'), node('db', 'sql-database'), edge('web', 'a'), edge('a', 'b'), edge('b', 'db'));
    const model = dependencyModel(buildGraph(doc));
    const { working, count } = baseline(model);
    const before = [working.slice(), count.slice()];
    const taken = takeAway(model, working, count, [3]);
    expect(taken.gone).toEqual([3, 2, 1, 0]);
    giveBack(model, working, count, taken);
    expect([working, count]).toEqual(before);
    const partial = takeAway(model, working, count, [3], 2);
    expect(partial.gone).toEqual([3, 2]);
    giveBack(model, working, count, partial);
    expect([working, count]).toEqual(before);
  });

  it('leaves out components that can never have enough instances', () => {
    const model = dependencyModel(buildGraph(diagram(node('web', 'client'), node('a', 'service', { replicas: 1, minHealthy: 2 }), edge('web', 'a'))));
    expect([...baseline(model).working]).toEqual([0, 0]);
  });
});
