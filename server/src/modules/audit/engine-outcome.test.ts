import { describe, expect, it } from 'vitest';
import { EngineConflictError, EngineFailureError, EngineUnavailableError } from '../../errors/index.js';
import { engineWriteOutcome } from './engine-outcome.js';
import { engineRefusedConnection, engineTimedOut } from './testing/faults.js';

describe('engineWriteOutcome', () => {
  it.each([
    { when: 'the engine answers a conflict', error: new EngineConflictError('Task already claimed'), outcome: 'not-done' },
    { when: 'the engine answers an internal error', error: new EngineFailureError('boom'), outcome: 'not-done' },
    { when: 'the connection is refused', error: engineRefusedConnection('POST /task/t-1/claim'), outcome: 'not-done' },
    { when: 'the call times out', error: engineTimedOut('POST /task/t-1/claim'), outcome: 'unknown' },
    { when: 'a gateway answers 503', error: new EngineUnavailableError('The process engine answered 503 (POST /task/t-1/claim)', { operation: 'POST /task/t-1/claim' }), outcome: 'unknown' },
    { when: 'the connection drops after sending', error: new EngineUnavailableError('unreachable', { operation: 'x' }, { cause: new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) }) }), outcome: 'unknown' },
  ])('says $outcome when $when', ({ error, outcome }) => {
    expect(engineWriteOutcome(error)).toBe(outcome);
  });
});
