/** The compat build step (placeholder until it is written). */
import type { Generator } from '../build/types.ts';

export const compatGenerator: Generator = {
  name: 'compat',
};
