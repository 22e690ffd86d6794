/**
 * What the native engine starts from: the resolved spec, its mock model and prepared bodies.
 * `mock.gen.json` (written by the mock generator at build time) holds all three as JSON, which
 * parses in milliseconds; the YAML spec is the fallback when it is missing.
 */
import type { OpenAPIDocument } from '../build/types.ts';
import { diagnosticError } from '../diagnostics/diagnostic.ts';
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

/**
 * mock.gen.json as stored: a shipped profile's leaves `spec` out, since openapi.json beside it holds
 * the same (the package ships each resolved spec once, see scripts/build-package.ts).
 */
export type StoredMockData = Omit<MockData, 'spec'> & { spec?: OpenAPIDocument };

/** Parses mock.gen.json; anything else than this format (corrupt, truncated, older) is a located error, exit code 3. */
export function parseMockData(text: string, file: string): StoredMockData {
  let data: Partial<MockData> | undefined;
  let reason = `it is not ${MOCK_DATA_FORMAT} data`;
  try {
    data = JSON.parse(text) as Partial<MockData>;
  } catch (err) {
    reason = `it is not valid JSON (${(err as Error).message})`;
  }
  const complete = data && typeof data === 'object' && data.format === MOCK_DATA_FORMAT && typeof data.model === 'object' && data.model !== null && (data.spec === undefined || (typeof data.spec === 'object' && data.spec !== null));
  if (!complete) {
    throw diagnosticError({ code: 'mock-data-corrupt', message: `cannot use ${file}: ${reason}`, hint: 'rebuild it with `npm run build -- --force`', location: { file } }, 3);
  }
  return data as StoredMockData;
}
