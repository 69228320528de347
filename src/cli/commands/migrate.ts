import { migrateToLatest } from '../../store/migrate.js';
import { defineCommand } from '../command.js';
import { toJson } from '../output.js';
import { withDatabase } from '../session.js';

export const migrate = defineCommand({
  name: 'migrate',
  summary: 'Apply the database migrations that have not run yet',
  options: {},
  notes: ['`serve` and the other commands apply migrations too; run this to do it on its own, e.g. before a deploy.'],
  async run({ json, io }) {
    await withDatabase(
      async ({ db, describe }) => {
        const applied = (await migrateToLatest(db)).map((result) => result.migrationName);
        if (json) return io.out(toJson({ database: describe, applied }));
        for (const name of applied) io.out(`Applied ${name}\n`);
        io.out(applied.length ? `${describe} is up to date.\n` : `${describe} is already up to date.\n`);
      },
      { migrate: false },
    );
  },
});
