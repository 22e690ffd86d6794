/**
 * (d) the overlays make the resolved spec say what the claims say: unsupported fields leave the
 * offered operation's schemas, extension fields and headers are there, `n` must be 1, ignored
 * fields are marked deprecated, and no edit of a shared component schema leaks into another
 * offered operation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { appliedSpec, baseSpec, claimRows, deref, isObject, loadOverlay, operationClaims, operationOf, PROVIDERS, reachableSchemas, requestSchema, responseSchema, schemasAt, type ClaimRow, type Json, type ProviderId } from './helpers.ts';

const specs = new Map<ProviderId, Json>();
let base: Json;
beforeAll(async () => {
  for (const id of PROVIDERS) specs.set(id, (await appliedSpec(id)).spec);
  base = (await baseSpec()).spec;
});
const spec = (id: ProviderId): Json => specs.get(id) as Json;
const component = (s: Json, name: string): Json => ((s.components as Json).schemas as Json)[name] as Json;

/** Claims that name a field the base spec does not have and the provider only ignores: no schema to edit. */
const CLAIM_ONLY: Record<string, string[]> = {
  compactifai: ['POST /chat/completions function', 'POST /chat/completions data_sources'],
  neosantara: ['POST /chat/completions thinking'],
};

/** Where an unsupported field legitimately stays: variants the docs do not name. */
const STAYS_IN: Record<string, string[]> = {
  'kluster POST /chat/completions messages[].name': ['ChatCompletionRequestDeveloperMessage', 'ChatCompletionRequestFunctionMessage'],
};

/** An offered operation: not unsupported, not retired (a retired one is sliced with its schemas). */
const offered = (s: Json): Set<string> =>
  new Set([...operationClaims(s)].filter(([, c]) => c.status !== 'unsupported' && (c.lifecycle as Json | undefined)?.state !== 'retired').map(([op]) => op));

/**
 * The claims that change the schema: unscoped ones (claimRows leaves out claims about some models
 * or a mode) on offered operations, named by a plain path (variant selectors are the compiler's
 * own tests' business; the walker here follows every variant).
 */
const rowsOf = (id: ProviderId, status: string, location: string): ClaimRow[] => {
  const ops = offered(spec(id));
  return claimRows(spec(id)).filter((r) => r.status === status && r.location === location && ops.has(r.operation) && !/\[\w+=/.test(r.field));
};
const bodySchema = (s: Json, r: ClaimRow): unknown => (r.location === 'request.body' ? requestSchema(s, r.operation) : responseSchema(s, r.operation));

describe.each(PROVIDERS)('provider %s', (id) => {
  it('unsupported body fields are gone from the operation schemas', () => {
    const rows = [...rowsOf(id, 'unsupported', 'request.body'), ...rowsOf(id, 'unsupported', 'response.body')];
    for (const r of rows) {
      const s = spec(id);
      const left = schemasAt(s, bodySchema(s, r), r.field);
      const allowed = (STAYS_IN[`${id} ${r.operation} ${r.field}`] ?? []).map((name) => {
        const last = r.field.split('.').pop() as string;
        return (component(s, name).properties as Json)[last.replace('[]', '')];
      });
      expect(left.filter((x) => !allowed.includes(x)), `${r.operation} ${r.field}`).toEqual([]);
    }
  });

  it('extension body fields are in the operation schemas', () => {
    for (const r of [...rowsOf(id, 'extension', 'request.body'), ...rowsOf(id, 'extension', 'response.body')]) {
      expect(schemasAt(spec(id), bodySchema(spec(id), r), r.field).length, `${r.operation} ${r.field}`).toBeGreaterThan(0);
    }
  });

  it('ignored and deprecated fields are marked deprecated, or are claim-only', () => {
    const rows = [...rowsOf(id, 'ignored', 'request.body'), ...rowsOf(id, 'deprecated', 'request.body')];
    for (const r of rows) {
      const found = schemasAt(spec(id), requestSchema(spec(id), r.operation), r.field);
      if (CLAIM_ONLY[id]?.includes(`${r.operation} ${r.field}`) || r.notInApi) expect(found, `${r.operation} ${r.field}`).toEqual([]);
      else expect(found.some((s) => s.deprecated === true), `${r.operation} ${r.field}`).toBe(true);
    }
  });

  // OpenAI's own deprecation (max_tokens, functions, seed) may stay on a field the provider
  // supports; the overlay never adds one.
  it('supported request fields are not marked deprecated beyond the base spec', () => {
    for (const r of rowsOf(id, 'supported', 'request.body')) {
      const found = schemasAt(spec(id), requestSchema(spec(id), r.operation), r.field);
      const inBase = schemasAt(base, requestSchema(base, r.operation), r.field);
      const deprecatedInBase = inBase.some((s) => s.deprecated === true);
      expect(found.some((s) => s.deprecated === true) && !deprecatedInBase, `${r.operation} ${r.field}`).toBe(false);
    }
  });

  it('every edit of a component schema reaches exactly one offered operation', () => {
    const s = spec(id);
    const reach = [...offered(s)].map((op) => ({ op, names: reachableSchemas(s, operationOf(s, op)) }));
    const edited = (loadOverlay(id).value.actions as Json[])
      .map((a) => /^\$\.components\.schemas\.([A-Za-z0-9_]+)/.exec(String(a.target))?.[1])
      .filter((name): name is string => name !== undefined);
    for (const name of new Set(edited)) {
      expect(reach.filter((r) => r.names.has(`schemas/${name}`)).map((r) => r.op), name).toHaveLength(1);
    }
  });
});

describe('constraints and extensions, provider by provider', () => {
  it.each([
    ['neosantara', 'POST /chat/completions'],
    ['compactifai', 'POST /chat/completions'],
  ] as const)('%s %s: n stays optional and must be 1', (id, op) => {
    const [n] = schemasAt(spec(id), requestSchema(spec(id), op), 'n');
    expect(n.enum).toEqual([1]);
    const required = schemasAtRoot(spec(id), op).flatMap((s) => (Array.isArray(s.required) ? s.required : []));
    expect(required).not.toContain('n');
  });

  it('groq: service_tier and reasoning_effort take Groq\'s values on chat, OpenAI\'s enums stay on /responses', () => {
    const s = spec('groq');
    const values = (op: string, field: string) => [...new Set(schemasAt(s, requestSchema(s, op), field).flatMap((x) => ((deref(s, x) as Json).anyOf as Json[] | undefined)?.flatMap((b) => (b.enum as string[] | undefined) ?? []) ?? []))];
    expect(values('POST /chat/completions', 'service_tier').sort()).toEqual(['auto', 'flex', 'on_demand', 'performance']);
    expect(values('POST /chat/completions', 'reasoning_effort').sort()).toEqual(['default', 'high', 'low', 'medium', 'none']);
    expect(values('POST /responses', 'service_tier')).not.toContain('on_demand');
  });

  it('kluster: the request no longer offers n at all', () => {
    expect(schemasAt(spec('kluster'), requestSchema(spec('kluster'), 'POST /chat/completions'), 'n')).toEqual([]);
  });

  it('neosantara: tools accept function tools only', () => {
    const [tools] = schemasAt(spec('neosantara'), requestSchema(spec('neosantara'), 'POST /chat/completions'), 'tools');
    expect(tools.items).toEqual({ $ref: '#/components/schemas/ChatCompletionTool' });
  });

  it('neosantara: x-api-key is a security scheme beside bearer, either one enough', () => {
    const s = spec('neosantara');
    const schemes = (s.components as Json).securitySchemes as Json;
    const header = Object.entries(schemes).find(([, v]) => isObject(v) && v.type === 'apiKey' && v.in === 'header' && v.name === 'x-api-key');
    expect(header).toBeDefined();
    expect(s.security).toEqual([{ ApiKeyAuth: [] }, { [header![0]]: [] }]);
  });

  it('neosantara: supported rate-limit headers on every offered operation, retry-after gone', () => {
    const s = spec('neosantara');
    const supported = claimRows(s).filter((r) => r.location === 'response.header' && r.status === 'supported');
    for (const r of supported) {
      const ok = deref(s, (operationOf(s, r.operation).responses as Json)['200']) as Json;
      expect(Object.keys((ok.headers ?? {}) as Json), r.operation).toContain(r.field);
    }
    const tooMany = deref(s, (operationOf(s, 'POST /chat/completions').responses as Json)['429']) as Json;
    expect(Object.keys((tooMany.headers ?? {}) as Json).map((h) => h.toLowerCase())).not.toContain('retry-after');
  });

  it('neosantara: POST /reasoning exists as an extension operation', () => {
    const op = operationOf(spec('neosantara'), 'POST /reasoning');
    expect((op['x-compat'] as Json).status).toBe('extension');
    expect(requestSchema(spec('neosantara'), 'POST /reasoning')).toMatchObject({ type: 'object' });
  });

  it('compactifai: transcription requests cannot ask for a stream or a format other than json', () => {
    const s = spec('compactifai');
    expect(schemasAt(s, requestSchema(s, 'POST /audio/transcriptions'), 'stream')).toEqual([]);
    const [format] = schemasAt(s, requestSchema(s, 'POST /audio/transcriptions'), 'response_format');
    // The claim's `notIn: [json]` rule narrows the enum the field references.
    expect((deref(s, format) as Json).enum).toEqual(['json']);
  });

  it('compactifai: responses require input and default store to false', () => {
    const s = spec('compactifai');
    const roots = schemasAtRoot(s, 'POST /responses');
    expect(roots.flatMap((r) => (Array.isArray(r.required) ? r.required : []))).toContain('input');
    const store = schemasAt(s, requestSchema(s, 'POST /responses'), 'store');
    expect(store.filter((x) => x.type === 'boolean').map((x) => x.default)).toEqual([false]);
  });

  it('compactifai: models carry supports_responses and supports_audio', () => {
    const s = spec('compactifai');
    for (const flag of ['supports_responses', 'supports_audio']) {
      expect(schemasAt(s, responseSchema(s, 'GET /models'), `data[].${flag}`).map((x) => x.type)).toEqual(['boolean']);
    }
  });

  it('max_tokens is not deprecated where max_completion_tokens is the ignored one', () => {
    for (const id of ['neosantara', 'compactifai'] as const) {
      const found = schemasAt(spec(id), requestSchema(spec(id), 'POST /chat/completions'), 'max_tokens');
      expect(found.map((x) => x.deprecated), id).toEqual([false]);
    }
  });
});

/** The request body schema and its composition members (where `required` lives). */
function schemasAtRoot(s: Json, op: string): Json[] {
  const root = requestSchema(s, op);
  const out: Json[] = [];
  const visit = (node: unknown): void => {
    const n = deref(s, node);
    if (!isObject(n) || out.includes(n)) return;
    out.push(n);
    for (const k of ['allOf', 'anyOf', 'oneOf']) if (Array.isArray(n[k])) (n[k] as unknown[]).forEach(visit);
  };
  visit(root);
  return out;
}
