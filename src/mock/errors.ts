/**
 * OpenAI's error envelope `{ "error": { message, type, param, code } }` and the statuses the mock
 * answers with. Every stage reports failures as a `MockError`; only the server turns it into bytes.
 */

export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/** A failure any stage can return; rendered once by the server. */
export interface MockError {
  status: number;
  message: string;
  type: string;
  param: string | null;
  code: string | null;
  headers?: Record<string, string>;
}

/** The `type` OpenAI uses for each status (as its SDKs and docs show them). */
const typeByStatus: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'invalid_request_error',
  403: 'invalid_request_error',
  404: 'invalid_request_error',
  405: 'invalid_request_error',
  413: 'invalid_request_error',
  415: 'invalid_request_error',
  429: 'rate_limit_exceeded',
  500: 'server_error',
  503: 'server_error',
};

export function mockError(status: number, message: string, extra: Partial<Omit<MockError, 'status' | 'message'>> = {}): MockError {
  return {
    status,
    message,
    type: extra.type ?? typeByStatus[status] ?? (status >= 500 ? 'server_error' : 'invalid_request_error'),
    param: extra.param ?? null,
    code: extra.code ?? null,
    ...(extra.headers ? { headers: extra.headers } : {}),
  };
}

export function errorBody(error: MockError): OpenAIErrorBody {
  return { error: { message: error.message, type: error.type, param: error.param, code: error.code } };
}

export const badRequest = (message: string, param: string | null, code: string | null = null): MockError =>
  mockError(400, message, { param, code });

/** The error for a status asked for on demand (`x-mock-status`, or a queued fault). */
export function injectedError(status: number): MockError {
  if (status === 429) {
    return mockError(429, 'Rate limit reached (simulated by oai-compat mock).', {
      code: 'rate_limit_exceeded',
      // Short waits keep SDK retry tests fast; both forms are read by the official SDKs.
      headers: { 'retry-after': '1', 'retry-after-ms': '10' },
    });
  }
  if (status === 401) return mockError(401, 'Incorrect API key provided (simulated by oai-compat mock).', { code: 'invalid_api_key' });
  if (status >= 500) {
    return mockError(status, 'The server had an error while processing your request (simulated by oai-compat mock).', {
      headers: { 'retry-after-ms': '10' },
    });
  }
  return mockError(status, `Simulated ${status} error (oai-compat mock).`);
}
