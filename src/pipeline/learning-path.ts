/**
 * The learning path, derived from the prerequisite links (never listed by hand):
 * stage 0 holds concepts with no prerequisites, and every other concept sits one
 * stage after its latest prerequisite. Within a stage, concepts keep topic order.
 */
import type { Catalog, ConceptEntity } from './catalog.ts';
import { escapeRegExp, locateInFile, type Diagnostic } from './diagnostics.ts';
import { TOPICS } from '../schemas/concept.ts';

export interface LearningPath {
  stages: ConceptEntity[][];
  diagnostics: Diagnostic[];
}

export function learningPath(catalog: Catalog): LearningPath {
  const stageOf = new Map<string, number>();
  const visiting = new Set<string>();
  const diagnostics: Diagnostic[] = [];

  const visit = (concept: ConceptEntity, trail: string[]): number => {
    const known = stageOf.get(concept.id);
    if (known !== undefined) return known;
    if (visiting.has(concept.id)) {
      const cycle = [...trail.slice(trail.indexOf(concept.id)), concept.id];
      // Point at the prerequisite that closes the cycle: the entry in the last concept's list.
      const closer = catalog.concepts.get(trail[trail.length - 1] ?? concept.id) ?? concept;
      const file = `${closer.dir}/meta.yaml`;
      diagnostics.push({ file, ...locateInFile(catalog.paths.root, file, new RegExp(`(?<=[\\s\\[,'"-])${escapeRegExp(concept.id)}(?=$|[\\s\\],'"])`)), severity: 'error', rule: 'relation/cycle',
        message: `prerequisites form a cycle: ${cycle.join(' -> ')}`, hint: 'a concept cannot (indirectly) be its own prerequisite: remove one link' });
      return 0;
    }
    visiting.add(concept.id);
    let stage = 0;
    for (const id of concept.meta.prerequisites) {
      const prerequisite = catalog.concepts.get(id);
      if (prerequisite) stage = Math.max(stage, visit(prerequisite, [...trail, concept.id]) + 1);
    }
    visiting.delete(concept.id);
    stageOf.set(concept.id, stage);
    return stage;
  };

  for (const concept of catalog.concepts.values()) visit(concept, []);
  const stages: ConceptEntity[][] = [];
  const topicRank = (c: ConceptEntity) => TOPICS.indexOf(c.meta.topic);
  for (const concept of [...catalog.concepts.values()].sort((a, b) => topicRank(a) - topicRank(b) || a.id.localeCompare(b.id))) {
    const stage = stageOf.get(concept.id) ?? 0;
    (stages[stage] ??= []).push(concept);
  }
  return { stages, diagnostics };
}
