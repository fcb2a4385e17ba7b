import { type DataCapability, NodeError } from '@sbss/sdk';
import { NaiveBayes, type NaiveBayesJson } from './naive-bayes.js';

/** The workspace collection `scoring/train-sentiment` writes models to, keyed by model name. */
export const MODELS_COLLECTION = 'sentiment-models';

const loaded = new Map<string, { updatedAt: string; model: NaiveBayes }>();

function isModelJson(value: unknown): value is NaiveBayesJson {
  const record = value as Partial<NaiveBayesJson> | null;
  return record?.format === 'sbss-naive-bayes/1' && typeof record.features === 'string';
}

/** Loads a trained model once per isolate, and again only after it is retrained. */
export async function loadCustomModel(data: DataCapability, name: string): Promise<NaiveBayes> {
  const record = await data.get(MODELS_COLLECTION, name);
  if (!record || !isModelJson(record.data)) {
    throw new NodeError(
      'SENTIMENT_MODEL_NOT_FOUND',
      `No sentiment model named "${name}": train one with scoring/train-sentiment first`,
    );
  }
  const cached = loaded.get(name);
  if (cached?.updatedAt === record.updatedAt) return cached.model;
  const model = new NaiveBayes(record.data);
  loaded.set(name, { updatedAt: record.updatedAt, model });
  return model;
}
