import { sql } from 'kysely';
import type { Executor } from '../database.js';

/**
 * Next value of a named counter. The upsert takes the row lock, so concurrent
 * transactions (several instances on one Postgres) get distinct, gap-free numbers.
 */
export async function nextValue(tx: Executor, name: string): Promise<number> {
  const row = await tx
    .insertInto('counters')
    .values({ name, value: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql`counters.value + 1` }))
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

/** Reserves `count` consecutive values of a named counter in one statement; returns the first. */
export async function nextValues(tx: Executor, name: string, count: number): Promise<number> {
  const row = await tx
    .insertInto('counters')
    .values({ name, value: count })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql`counters.value + ${count}` }))
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value) - count + 1;
}
