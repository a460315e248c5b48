/**
 * npm run train:embed [-- --force] [-- --dims 96]
 * Trains the site's own bilingual embedding model (cross-language LSI) from the
 * knowledge base and writes it in the transformers.js layout under DEEPATLAS_MODEL_DIR.
 * Unlike the build, which keeps a model while the corpus drifts little, this retrains
 * whenever the corpus differs from the one the model was trained on.
 */
import { parseArgs } from 'node:util';
import { loadCatalog } from '../src/pipeline/catalog.ts';
import { modelPath } from '../src/pipeline/embed/index.ts';
import { CORPUS_MODEL_ID, embedSettings } from '../src/pipeline/embed/settings.ts';
import { trainCorpusModel } from '../src/pipeline/embed/train.ts';

const { values } = parseArgs({ options: { force: { type: 'boolean', default: false }, dims: { type: 'string' } } });
const settings = { ...embedSettings(), modelId: CORPUS_MODEL_ID };
const { catalog } = loadCatalog();
const result = trainCorpusModel(catalog, modelPath(settings), { force: values.force, retrainOnAnyChange: true, ...(values.dims ? { dims: Number(values.dims) } : {}) });
console.log(
  `${result.retrained ? 'trained' : 'up to date:'} ${CORPUS_MODEL_ID} in ${result.dir}\n` +
    `  ${result.documents} training documents, ${result.vocabSize} tokens x ${result.dims} dims, ` +
    `model.onnx ${(result.bytes / 1e6).toFixed(2)} MB, ${Math.round(result.milliseconds)} ms`,
);
