import { EntitySchema } from 'typeorm';

/** The record that a worker's side effect happened, keyed so that a redelivered task does not repeat it. */
export interface SideEffect {
  effectKey: string;
  topic: string;
  businessKey: string | null;
  workerId: string;
  result: string | null;
  createdAt: Date;
}

export const SideEffectEntity = new EntitySchema<SideEffect>({
  name: 'SideEffect',
  tableName: 'worker_side_effect',
  columns: {
    effectKey: { name: 'effect_key', type: 'varchar', length: 191, primary: true },
    topic: { type: 'varchar', length: 128 },
    businessKey: { name: 'business_key', type: 'varchar', length: 128, nullable: true },
    workerId: { name: 'worker_id', type: 'varchar', length: 191 },
    result: { type: 'text', nullable: true },
    createdAt: { name: 'created_at', type: 'datetime', precision: 3 },
  },
});
