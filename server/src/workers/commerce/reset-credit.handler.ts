import { z } from 'zod';
import { creditYearOf, resetCreditPoints, type CreditResetResult } from '../../modules/shops/index.js';
import { defineHandler } from '../runtime/index.js';
import { Topics } from '../topics.js';

const input = z.object({
  /** When the yearly timer fired (the BPMN passes ${now()}); its Beijing year is the credit year. */
  firedAt: z.date(),
});

/** 重置商户信用分: on 1 January, puts every shop back to the yearly base points, once per credit year. */
export const resetCreditHandler = defineHandler({
  topic: Topics.CommerceResetCredit,
  input,
  // Thousands of shops in one transaction can take a while; the runtime extends the lock meanwhile.
  lockMs: 120_000,
  async handle(v, { once }) {
    const year = creditYearOf(v.firedAt);
    const result: CreditResetResult = await once('reset-credit', (manager) => resetCreditPoints(manager, year, v.firedAt));
    return { creditYear: result.year, shopsReset: result.shopsReset };
  },
});
