/** The mock build step (placeholder until it is written). */
import type { Generator } from '../build/types.ts';

export const mockGenerator: Generator = {
  name: 'mock',
};
