/**
 * `format: unixtime` (seconds since the epoch), on 144 integer and number schemas.
 *
 * Upstream: `unixtime` is in the OpenAPI Format Registry (spec.openapis.org/registry/format),
 * but it is not a JSON Schema format and no validator we use knows it.
 * Breaks: Ajv in strict mode refuses unknown formats ('unknown format "unixtime" ignored'), and
 * ajv-formats, Prism and Steady have no definition for it, so each consumer would need to
 * register it by hand.
 * We: keep the meaning in `x-oai-format: unixtime` (placed right after `format`, for docs and
 * codegen) and set `format` to the registry's wire format every tool knows: `int64` on integers
 * (epoch seconds outgrow int32 in 2038), `double` on numbers (the Responses API declares some
 * timestamps as numbers). Validation stays what it was for the value's type.
 * `count` = schemas rewritten.
 */
import { setEntries } from './schema-utils.ts';
import type { JsonObject, SchemaFix } from './types.ts';

export const UNIXTIME_EXTENSION = 'x-oai-format';

export const unixtimeFormat: SchemaFix = {
  id: 'unixtime-format',
  description: '`format: unixtime` → `format: int64` (integers) or `double` (numbers), the meaning kept in `x-oai-format: unixtime`; counts schemas',
  kind: 'schema',
  start: () => (schema) => {
    if (schema.format !== 'unixtime') return 0;
    const wire = wireFormat(schema);
    const replacement: [string, unknown][] = wire ? [['format', wire]] : [];
    replacement.push([UNIXTIME_EXTENSION, 'unixtime']);
    setEntries(schema, Object.entries(schema).flatMap(([key, value]) => (key === 'format' ? replacement : [[key, value]])));
    return 1;
  },
};

function wireFormat(schema: JsonObject): string | undefined {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('integer')) return 'int64';
  if (types.includes('number')) return 'double';
  return undefined;
}
