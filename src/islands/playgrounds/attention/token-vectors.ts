/**
 * Token vectors for the attention playground from the site's own embedding model: the same
 * files under /search/ and the same fast path (src/shared/embed/fast-path.ts) semantic search
 * uses, fetched once. When the build has no corpus model (a pretrained one needs
 * transformers.js, far too heavy for this) or the files cannot be fetched, each token gets a
 * fixed seeded unit vector instead, and the UI says so.
 */
import { CorpusEmbedder } from '../../../shared/embed/fast-path.ts';
import { hashedVector } from '../../../shared/playgrounds/attention.ts';

/** Dimensions of the stand-in vectors. */
const HASHED_DIMS = 32;

export interface TokenVectors {
  source: 'model' | 'hashed';
  dims: number;
  /** The token's vector, unit length; `known` is false when the model had no row for it (a stand-in was used). */
  vector(token: string): { vector: number[]; known: boolean };
}

interface Manifest {
  runtime: string;
}

let loading: Promise<TokenVectors> | undefined;

export function loadTokenVectors(base: string): Promise<TokenVectors> {
  loading ??= loadModel(base).catch((error: unknown) => {
    console.warn('attention playground: embedding model unavailable, using hashed vectors', error);
    return hashed();
  });
  return loading;
}

function hashed(): TokenVectors {
  return { source: 'hashed', dims: HASHED_DIMS, vector: (token) => ({ vector: hashedVector(token, HASHED_DIMS), known: false }) };
}

async function loadModel(base: string): Promise<TokenVectors> {
  const get = async (name: string) => {
    const response = await fetch(`${base}search/${name}`);
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
    return response.arrayBuffer();
  };
  const manifest = JSON.parse(new TextDecoder().decode(await get('manifest.json'))) as Manifest;
  if (manifest.runtime !== 'corpus-fast-path') return hashed();
  const decode = (b: ArrayBuffer) => JSON.parse(new TextDecoder().decode(b)) as unknown;
  const [tokenizer, config, table, scales] = await Promise.all([get('model/tokenizer.json'), get('model/tokenizer_config.json'), get('model/table.int8'), get('model/table.scales.f32')]);
  const embedder = new CorpusEmbedder({ tokenizerJson: decode(tokenizer), tokenizerConfig: decode(config), table: new Int8Array(table), scales: new Float32Array(scales) });
  return {
    source: 'model',
    dims: embedder.dims,
    vector: (token) => {
      const v = Array.from(embedder.embed(token));
      // The model returns zeros for a token it has no row for: a zero query attends uniformly, which teaches nothing.
      return v.some((x) => x !== 0) ? { vector: v, known: true } : { vector: hashedVector(token, embedder.dims), known: false };
    },
  };
}
