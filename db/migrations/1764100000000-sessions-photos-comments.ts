import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

const id = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const };

/** Sign-in sessions (stored so that several API nodes share them), case photos and case comments. */
export class SessionsPhotosComments1764100000000 implements MigrationInterface {
  name = 'SessionsPhotosComments1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'user_session',
        columns: [
          { name: 'token_hash', type: 'varchar', length: '64', isPrimary: true },
          { name: 'user_id', type: 'integer' },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'expires_at', type: 'datetime', precision: 3 },
        ],
        indices: [{ columnNames: ['user_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'case_photo',
        columns: [
          id,
          { name: 'case_id', type: 'integer' },
          { name: 'stage', type: 'varchar', length: '16' },
          { name: 'file_name', type: 'varchar', length: '255' },
          { name: 'mime_type', type: 'varchar', length: '32' },
          { name: 'size_bytes', type: 'integer' },
          { name: 'storage_key', type: 'varchar', length: '128' },
          { name: 'uploaded_by', type: 'varchar', length: '64' },
          { name: 'uploaded_at', type: 'datetime', precision: 3 },
        ],
        indices: [{ columnNames: ['case_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'case_comment',
        columns: [
          id,
          { name: 'case_id', type: 'integer' },
          { name: 'author', type: 'varchar', length: '64' },
          { name: 'body', type: 'text' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [{ columnNames: ['case_id'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['case_comment', 'case_photo', 'user_session']) await q.dropTable(table);
  }
}
