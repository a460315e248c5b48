/**
 * Resolves link targets (slug, key, name or alias, in either language) to
 * entities, and suggests the nearest known target for a typo.
 */
import { distance } from 'fastest-levenshtein';
import { allEntities, type Catalog, type Entity } from './catalog.ts';
import { escapeRegExp, locateInFile, type Diagnostic } from './diagnostics.ts';

/** Case, width, spaces, hyphens and underscores do not matter: "Gradient Descent" = "gradient-descent". */
export function normalizeTarget(raw: string): string {
  return raw.normalize('NFKC').toLowerCase().trim().replace(/[\s_-]+/g, '-');
}

export interface Resolver {
  resolve(target: string): Entity | undefined;
  resolvePaper(key: string): Entity | undefined;
  /** The closest id or alias to a target that did not resolve, if any is close. */
  suggest(target: string, kind?: Entity['kind']): string | undefined;
  /** Aliases claimed by two entities. */
  conflicts: Diagnostic[];
}

function namesOf(entity: Entity): string[] {
  if (entity.kind === 'paper') return [entity.id, ...entity.meta.aliases];
  return [entity.id, entity.meta.name.zh, entity.meta.name.en, ...entity.meta.aliases];
}

export function createResolver(catalog: Catalog): Resolver {
  const byId = new Map<string, Entity>();
  const byName = new Map<string, Entity>();
  const conflicts: Diagnostic[] = [];
  const entities = allEntities(catalog);
  for (const e of entities) byId.set(normalizeTarget(e.id), e);
  for (const e of entities) {
    for (const name of namesOf(e).slice(1)) {
      const key = normalizeTarget(name);
      const owner = byId.get(key) ?? byName.get(key);
      if (owner && owner !== e) {
        conflicts.push({ file: `${e.dir}/meta.yaml`, ...locateInFile(catalog.paths.root, `${e.dir}/meta.yaml`, new RegExp(escapeRegExp(name))), severity: 'error', rule: 'link/alias-conflict',
          message: `name or alias "${name}" is also used by ${owner.kind} "${owner.id}"`,
          hint: 'links must resolve to one page: remove the alias from one of them' });
        continue;
      }
      byName.set(key, e);
    }
  }
  const candidates = (kind?: Entity['kind']) =>
    entities.filter((e) => !kind || e.kind === kind).flatMap((e) => namesOf(e).map((n) => ({ shown: n, e })));

  return {
    conflicts,
    resolve(target) {
      const key = normalizeTarget(target);
      return byId.get(key) ?? byName.get(key);
    },
    resolvePaper(key) {
      return catalog.papers.get(key);
    },
    suggest(target, kind) {
      const wanted = normalizeTarget(target);
      let best: { shown: string; d: number } | undefined;
      for (const c of candidates(kind)) {
        const d = distance(wanted, normalizeTarget(c.shown));
        if (!best || d < best.d) best = { shown: c.e.id, d };
      }
      const limit = Math.max(2, Math.floor(wanted.length / 3));
      return best && best.d <= limit ? best.shown : undefined;
    },
  };
}
