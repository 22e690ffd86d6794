/** The codegen build step (placeholder until it is written). */
import type { Generator } from '../build/types.ts';

export const codegenGenerator: Generator = {
  name: 'codegen',
};
