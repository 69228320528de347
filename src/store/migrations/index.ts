import type { Migration } from 'kysely';
import * as initial from './20261128_0001_initial.js';

/** Every migration, in order. Names are frozen once released. */
export const migrations: Record<string, Migration> = {
  '20261128_0001_initial': initial,
};
