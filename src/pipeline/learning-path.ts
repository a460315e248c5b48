/**
 * The learning path: named stages read in order, and a reading order inside each stage.
 *
 * Stages are declared (a short table below), membership is derived. A fixed table of names
 * is what lets a reader see "优化与训练" rather than "stage 4", and naming depth levels of the
 * prerequisite graph would break whenever a concept adds a link. So each stage claims topics
 * (and, where a topic spans two stages, a few concepts by id); a concept then sits in the
 * stage its topic gives it, or later when a prerequisite sits later. New concepts need no
 * edit here: their topic places them, their prerequisites order them.
 *
 * Inside a stage, concepts follow their depth in the prerequisite graph (a concept is
 * always deeper than its prerequisites), then topic order, then slug: every prerequisite is
 * read before the concepts that need it, across and within stages.
 */
import type { Catalog, ConceptEntity } from './catalog.ts';
import { escapeRegExp, locateInFile, type Diagnostic } from './diagnostics.ts';
import { TOPICS, type Topic } from '../schemas/concept.ts';

export interface StageDefinition {
  /** Stable id: anchors (#stage-foundations) and the strings keys path.stage.<id>. */
  id: string;
  topics: Topic[];
  /** Concepts whose topic spans two stages and belong to this one (e.g. RNNs, attention). */
  concepts?: string[];
}

export const STAGES: StageDefinition[] = [
  { id: 'foundations', topics: ['foundations'] },
  { id: 'training', topics: ['optimization', 'training'] },
  { id: 'networks', topics: ['architectures', 'vision'] },
  { id: 'sequences', topics: ['nlp', 'speech'], concepts: ['recurrent-neural-network', 'lstm', 'attention-mechanism', 'self-attention', 'transformer'] },
  { id: 'generative', topics: ['generative-models'] },
  { id: 'practice', topics: ['systems', 'responsible-ai'] },
  { id: 'large-models', topics: ['large-models'] },
  { id: 'alignment', topics: ['llm-training-alignment'] },
  { id: 'serving', topics: ['inference-serving'] },
];

export interface PathStage {
  id: string;
  concepts: ConceptEntity[];
}

export interface LearningPath {
  stages: PathStage[];
  diagnostics: Diagnostic[];
}

/** Where a concept sits: its stage (0-based), and its neighbours along the whole path. */
export interface PathPosition {
  stage: number;
  stageCount: number;
  stageId: string;
  /** 0-based position along the whole path, for sorting. */
  order: number;
  previous?: ConceptEntity;
  next?: ConceptEntity;
}

function declaredStage(concept: ConceptEntity): number {
  const byId = STAGES.findIndex((s) => s.concepts?.includes(concept.id));
  if (byId >= 0) return byId;
  const byTopic = STAGES.findIndex((s) => s.topics.includes(concept.meta.topic));
  // A topic no stage claims (a new one) goes last rather than nowhere; a unit test asks for a stage.
  return byTopic >= 0 ? byTopic : STAGES.length - 1;
}

export function learningPath(catalog: Catalog): LearningPath {
  const depthOf = new Map<string, number>();
  const stageOf = new Map<string, number>();
  const visiting = new Set<string>();
  const diagnostics: Diagnostic[] = [];

  const visit = (concept: ConceptEntity, trail: string[]): void => {
    if (depthOf.has(concept.id)) return;
    if (visiting.has(concept.id)) {
      const cycle = [...trail.slice(trail.indexOf(concept.id)), concept.id];
      // Point at the prerequisite that closes the cycle: the entry in the last concept's list.
      const closer = catalog.concepts.get(trail[trail.length - 1] ?? concept.id) ?? concept;
      const file = `${closer.dir}/meta.yaml`;
      diagnostics.push({ file, ...locateInFile(catalog.paths.root, file, new RegExp(`(?<=[\\s\\[,'"-])${escapeRegExp(concept.id)}(?=$|[\\s\\],'"])`)), severity: 'error', rule: 'relation/cycle',
        message: `prerequisites form a cycle: ${cycle.join(' -> ')}`, hint: 'a concept cannot (indirectly) be its own prerequisite: remove one link' });
      return;
    }
    visiting.add(concept.id);
    let depth = 0;
    let stage = declaredStage(concept);
    for (const id of concept.meta.prerequisites) {
      const prerequisite = catalog.concepts.get(id);
      if (!prerequisite) continue;
      visit(prerequisite, [...trail, concept.id]);
      depth = Math.max(depth, (depthOf.get(id) ?? 0) + 1);
      stage = Math.max(stage, stageOf.get(id) ?? 0);
    }
    visiting.delete(concept.id);
    depthOf.set(concept.id, depth);
    stageOf.set(concept.id, stage);
  };

  for (const concept of catalog.concepts.values()) visit(concept, []);
  const topicRank = (c: ConceptEntity) => TOPICS.indexOf(c.meta.topic);
  const ordered = [...catalog.concepts.values()].sort((a, b) =>
    (depthOf.get(a.id) ?? 0) - (depthOf.get(b.id) ?? 0) || topicRank(a) - topicRank(b) || a.id.localeCompare(b.id));
  const stages: PathStage[] = STAGES.map((s) => ({ id: s.id, concepts: [] }));
  for (const concept of ordered) stages[stageOf.get(concept.id) ?? 0]!.concepts.push(concept);
  return { stages: stages.filter((s) => s.concepts.length > 0), diagnostics };
}

/** A concept's place on the path, or undefined if it is not on it. */
export function pathPosition(stages: PathStage[], id: string): PathPosition | undefined {
  const flat = stages.flatMap((s, stage) => s.concepts.map((c) => ({ c, stage })));
  const order = flat.findIndex((x) => x.c.id === id);
  if (order < 0) return undefined;
  const stage = flat[order]!.stage;
  return {
    stage,
    stageCount: stages.length,
    stageId: stages[stage]!.id,
    order,
    ...(order > 0 ? { previous: flat[order - 1]!.c } : {}),
    ...(order < flat.length - 1 ? { next: flat[order + 1]!.c } : {}),
  };
}

/** Sorts concepts by their place on the path (the "next to learn" list, paper pages' "read next"). */
export function byPathOrder(stages: PathStage[]): (a: { id: string }, b: { id: string }) => number {
  const order = new Map(stages.flatMap((s) => s.concepts).map((c, i) => [c.id, i] as const));
  return (a, b) => (order.get(a.id) ?? order.size) - (order.get(b.id) ?? order.size);
}
