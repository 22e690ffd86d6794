/**
 * Minified validator code, one statement of Ajv's output at a time. Before esbuild sees a
 * statement, the Ajv names in it (`validate12`, counted across every profile an Ajv compiled) are
 * replaced by placeholders numbered in the statement (`$$0`, `$$1`): the same schema then gives
 * the same text in every profile, so esbuild minifies it once per build, and what esbuild makes
 * of it cannot depend on numbering (its short names follow the characters of its input). Any
 * piece esbuild gives back that is not the statement it was makes the caller minify the whole
 * modules instead.
 */
import { transform } from 'esbuild';
import { renameIdentifiers, scanUnits, type ScannedUnit } from './scan-units.ts';

const PLACEHOLDER = /\$\$\d+/;
/** Above this many statements kept, the cache starts afresh (a long-lived process builds many profiles). */
const MAX_CACHED = 100_000;
const minified = new Map<string, Promise<string | undefined>>();

export interface MinifiedUnit {
  /** The minified statement with placeholders. */
  text: string;
  /** The Ajv name each placeholder stands for, by its number. */
  names: string[];
}

/**
 * Each statement minified, with its placeholders, or undefined when esbuild's output cannot be
 * taken as the statement with certainty.
 */
export async function minifyUnits(units: readonly ScannedUnit[], ajvName: RegExp): Promise<Map<ScannedUnit, MinifiedUnit> | undefined> {
  if (minified.size > MAX_CACHED) minified.clear();
  const out = new Map<ScannedUnit, MinifiedUnit>();
  const pending: Promise<boolean>[] = [];
  for (const unit of units) {
    // An empty statement would vanish.
    if (unit.names.length === 0) {
      out.set(unit, { text: unit.text, names: [] });
      continue;
    }
    const names: string[] = [];
    const numbers = new Map<string, number>();
    const text = renameIdentifiers(unit.text, ajvName, (name) => {
      if (!numbers.has(name)) numbers.set(name, names.push(name) - 1);
      return `$$${numbers.get(name)}`;
    });
    if (text === undefined || PLACEHOLDER.test(unit.text)) return undefined;
    // A script cannot hold an export statement: it stays as Ajv wrote it.
    if (unit.exported !== undefined) {
      out.set(unit, { text, names });
      continue;
    }
    let piece = minified.get(text);
    if (!piece) minified.set(text, (piece = minifyStatement(text)));
    pending.push(
      piece.then((result) => {
        if (result !== undefined) out.set(unit, { text: result, names });
        return result !== undefined;
      }),
    );
  }
  return (await Promise.all(pending)).every(Boolean) ? out : undefined;
}

/** One statement minified as a strict-mode script (its top-level name stays: it is a global there). */
async function minifyStatement(text: string): Promise<string | undefined> {
  const output = (await transform(`"use strict";\n${text}`, { minify: true, target: 'es2022', legalComments: 'none' })).code;
  const piece = output.replace(/^"use strict";/, '').trim();
  const before = scanUnits(text);
  const after = scanUnits(piece);
  return before?.length === 1 && after?.length === 1 && after[0].names.join() === before[0].names.join() ? piece : undefined;
}

/** The placeholders of a minified statement replaced by `nameOf` of the Ajv name each stands for. */
export function withNames(unit: MinifiedUnit, nameOf: (ajvName: string) => string): string | undefined {
  if (!unit.names.length) return unit.text;
  return renameIdentifiers(unit.text, PLACEHOLDER, (placeholder) => nameOf(unit.names[Number(placeholder.slice(2))]));
}
