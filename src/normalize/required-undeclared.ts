/**
 * A check, not a fix: `required` names a property the same object schema never declares.
 *
 * Upstream: e.g. `MCPApprovalResponse` requires `request_id` but declares `approval_request_id`;
 * `LocalShellToolCallOutput` requires `call_id`; the Responses audio events require
 * `response_id`. Valid JSON Schema (the value must then carry that key, of any type), but a
 * validator built from it rejects requests OpenAI's own SDKs send.
 * Which side is wrong (the `required` entry or the missing property) is a judgement about the
 * API, so we only report it, as warnings; an overlay can settle it. Schemas that take part in a
 * composition (`allOf` & co.) are skipped: there a sibling may declare the property.
 */
import { isObject, type FixContext, type JsonObject, type Path } from './types.ts';

const COMPOSITION = ['allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', '$ref', 'dependentSchemas'];

/** Returns a schema visitor that reports each undeclared `required` name. */
export function requiredDeclaredCheck(ctx: FixContext): (schema: JsonObject, path: Path) => void {
  return (schema, path) => {
    if (!Array.isArray(schema.required) || !isObject(schema.properties)) return;
    if (COMPOSITION.some((key) => key in schema)) return;
    const parentKey = path[path.length - 2];
    if (typeof parentKey === 'string' && COMPOSITION.includes(parentKey)) return;
    const properties = schema.properties;
    for (const name of schema.required) {
      if (typeof name !== 'string' || name in properties) continue;
      ctx.diagnose(
        {
          code: 'normalize-required-undeclared',
          severity: 'warning',
          message: `"${name}" is required but not declared in properties`,
          hint: 'validators built from this schema demand the key; settle it in an overlay (declare the property, or remove it from required)',
        },
        [...path, 'required'],
      );
    }
  };
}
