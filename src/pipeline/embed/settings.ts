/**
 * Every embedding setting in one place, read once (after transformers.js's env.js).
 *
 *   DEEPATLAS_EMBED_MODEL        model id (default: the site's own corpus model)
 *   DEEPATLAS_MODEL_DIR          local model directory (default: .cache/models)
 *   DEEPATLAS_EMBED_DEVICE       auto | cpu | cuda | webgpu (default: auto)
 *   DEEPATLAS_ALLOW_REMOTE_MODELS=1   allow downloading a pretrained model from the hub
 */
import path from 'node:path';
import { projectPaths } from '../settings.ts';

export const CORPUS_MODEL_ID = 'deepatlas/corpus-lsi';
export const DEVICES = ['auto', 'cpu', 'cuda', 'webgpu'] as const;
export type Device = (typeof DEVICES)[number];

export interface EmbedSettings {
  modelId: string;
  /** Models live in <modelDir>/<org>/<name>/ (the Hugging Face layout). */
  modelDir: string;
  device: Device;
  allowRemote: boolean;
  /** Related topics shown per page. */
  topK: number;
}

/** Text prefixes some models were trained with (e5 wants "query: " and "passage: "). */
export const MODEL_PREFIXES: Record<string, { query: string; passage: string }> = {
  'Xenova/multilingual-e5-small': { query: 'query: ', passage: 'passage: ' },
  'Xenova/multilingual-e5-base': { query: 'query: ', passage: 'passage: ' },
  'Xenova/multilingual-e5-large': { query: 'query: ', passage: 'passage: ' },
};

export function prefixesFor(modelId: string): { query: string; passage: string } {
  return MODEL_PREFIXES[modelId] ?? { query: '', passage: '' };
}

export function embedSettings(env: NodeJS.ProcessEnv = process.env): EmbedSettings {
  const device = (env.DEEPATLAS_EMBED_DEVICE ?? 'auto') as Device;
  if (!DEVICES.includes(device)) throw new Error(`DEEPATLAS_EMBED_DEVICE="${device}": use one of ${DEVICES.join(', ')}`);
  return {
    modelId: env.DEEPATLAS_EMBED_MODEL ?? CORPUS_MODEL_ID,
    modelDir: path.resolve(env.DEEPATLAS_MODEL_DIR ?? path.join(projectPaths().root, '.cache/models')),
    device,
    allowRemote: env.DEEPATLAS_ALLOW_REMOTE_MODELS === '1',
    topK: 6,
  };
}
