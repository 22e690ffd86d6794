/**
 * What the native engine starts from: the resolved spec, its mock model and prepared bodies.
 * `mock.gen.json` (written by the mock generator at build time) holds all three as JSON, which
 * parses in milliseconds; the YAML spec is the fallback when it is missing.
 */
import type { OpenAPIDocument } from '../build/types.ts';
import { buildMockModel, type MockModel } from './model.ts';
import type { PreparedResponse } from './respond.ts';
import type { ProfileModel } from '../profile/types.ts';

export const MOCK_DATA_FORMAT = 'oai-compat-mock/1';

export interface MockData {
  format: typeof MOCK_DATA_FORMAT;
  profile: string;
  model: MockModel;
  prepared: Record<string, PreparedResponse>;
  spec: OpenAPIDocument;
}

/** `profile`: the profile model, or the profile id when only the spec is at hand. */
export function mockDataFromSpec(spec: OpenAPIDocument, profile: string | ProfileModel, base?: OpenAPIDocument): MockData {
  const model = buildMockModel(spec, profile, base);
  return { format: MOCK_DATA_FORMAT, profile: model.profile, model, prepared: {}, spec };
}

export function parseMockData(text: string, file: string): MockData {
  const data = JSON.parse(text) as MockData;
  if (data.format !== MOCK_DATA_FORMAT) throw new Error(`${file}: not ${MOCK_DATA_FORMAT} data (rebuild with npm run build)`);
  return data;
}
