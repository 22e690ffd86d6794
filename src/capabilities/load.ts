/** Reads spec/capabilities.yaml (the one place capabilities are defined). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseYaml } from '../load/document.ts';
import { parseCapabilities, type Capability } from './query.ts';

export const capabilitiesFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../spec/capabilities.yaml');

export function loadCapabilities(file = capabilitiesFile): Capability[] {
  return parseCapabilities(parseYaml(readFileSync(file, 'utf8'), 'spec/capabilities.yaml'));
}
