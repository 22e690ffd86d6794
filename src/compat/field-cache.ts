/**
 * Operation fields, read once per document and operation: every profile shares the same base
 * document, and its 288 operations are the costliest part of the model.
 */
import { createFieldReader, type OperationFields, type OperationRef } from './operation-fields.ts';

const readers = new WeakMap<object, (ref: OperationRef) => OperationFields>();

export function fieldReaderFor(doc: Record<string, unknown>): (ref: OperationRef) => OperationFields {
  let reader = readers.get(doc);
  if (!reader) {
    const read = createFieldReader(doc);
    const cache = new Map<string, OperationFields>();
    reader = (ref) => {
      let fields = cache.get(ref.key);
      if (!fields) {
        fields = read(ref);
        cache.set(ref.key, fields);
      }
      return fields;
    };
    readers.set(doc, reader);
  }
  return reader;
}
