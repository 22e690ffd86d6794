/** The build steps that run after resolution, in order. Each owns the files it emits. */
import { codegenGenerator } from '../codegen/generator.ts';
import { compatGenerator } from '../compat/generator.ts';
import { mockGenerator } from '../mock/generator.ts';
import type { Generator } from './types.ts';

export const generators: readonly Generator[] = [codegenGenerator, compatGenerator, mockGenerator];
