import { describe, expect, it } from 'vitest';
import {
  DeploymentParseError,
  EngineAuthError,
  EngineForbiddenError,
  EngineConflictError,
  EngineFailureError,
  EngineNotFoundError,
  EngineRejectedError,
  engineErrorFrom,
  type EngineErrorBody,
} from './engine-errors.js';

describe('engineErrorFrom', () => {
  it.each([
    {
      when: '404 with no such task',
      status: 404,
      body: { type: 'InvalidRequestException', message: 'No matching task with id t-1' },
      type: EngineNotFoundError,
      code: 'NOT_FOUND',
      httpStatus: 404,
    },
    {
      when: '400 InvalidRequestException',
      status: 400,
      body: { type: 'InvalidRequestException', message: 'Cannot convert value "x" of type "Long"' },
      type: EngineRejectedError,
      code: 'ENGINE_REJECTED',
      httpStatus: 422,
    },
    {
      when: '400 ParseException',
      status: 400,
      body: { type: 'ParseException', message: 'ENGINE-09005 Could not parse BPMN process', details: { 'a.bpmn': { errors: [] } } },
      type: DeploymentParseError,
      code: 'DEPLOYMENT_INVALID',
      httpStatus: 422,
    },
    {
      when: '500 TaskAlreadyClaimedException',
      status: 500,
      body: { type: 'TaskAlreadyClaimedException', message: 'Task t-1 is already claimed by someone else.' },
      type: EngineConflictError,
      code: 'CONFLICT',
      httpStatus: 409,
    },
    {
      when: '500 OptimisticLockingException',
      status: 500,
      body: { type: 'OptimisticLockingException', message: 'ENGINE-03005 Execution of UPDATE failed' },
      type: EngineConflictError,
      code: 'CONFLICT',
      httpStatus: 409,
    },
    {
      when: '500 RestException saying already claimed',
      status: 500,
      body: { type: 'RestException', message: 'Task t-1 is already claimed by mary' },
      type: EngineConflictError,
      code: 'CONFLICT',
      httpStatus: 409,
    },
    {
      when: '401',
      status: 401,
      body: { type: 'AuthenticationException', message: 'Unauthorized' },
      type: EngineAuthError,
      code: 'ENGINE_AUTH',
      httpStatus: 502,
    },
    {
      when: '403',
      status: 403,
      body: { type: 'AuthorizationException', message: 'The user with id demo does not have READ permission' },
      type: EngineForbiddenError,
      code: 'ENGINE_FORBIDDEN',
      httpStatus: 502,
    },
    {
      when: 'other 500',
      status: 500,
      body: { type: 'ProcessEngineException', message: 'Something broke' },
      type: EngineFailureError,
      code: 'ENGINE_FAILURE',
      httpStatus: 502,
    },
  ])('maps the engine answering $when to $type.name ($httpStatus)', ({ status, body, type, code, httpStatus }) => {
    // given an engine error answer
    // when
    const error = engineErrorFrom(status, body, 'POST /task/t-1/claim');
    // then
    expect(error).toBeInstanceOf(type);
    expect(error.code).toBe(code);
    expect(error.status).toBe(httpStatus);
  });

  it('keeps the engine message, type, status and details on a mapped error', () => {
    // given
    const body: EngineErrorBody = { type: 'ParseException', message: 'bad BPMN', details: { 'a.bpmn': { errors: [{ line: 3 }] } } };
    // when
    const error = engineErrorFrom(400, body, 'POST /deployment/create');
    // then
    expect(error.message).toBe('bad BPMN');
    expect(error.details).toEqual({ engineType: 'ParseException', engineStatus: 400, engineDetails: body.details });
  });

  it('names the status and the operation when the engine sends no message', () => {
    // given
    const body: EngineErrorBody = {};
    // when
    const error = engineErrorFrom(500, body, 'GET /task');
    // then
    expect(error).toBeInstanceOf(EngineFailureError);
    expect(error.message).toBe('Engine answered 500 to GET /task');
  });

  it.each([401, 403])('never puts credentials into the message of a %i', (status) => {
    // given an engine answer that echoes what it was sent
    const body: EngineErrorBody = { type: 'AuthenticationException', message: 'Bad credentials demo:s3cret-pw / Basic ZGVtbzpzM2NyZXQtcHc=' };
    // when
    const error = engineErrorFrom(status, body, 'GET /engine');
    // then
    expect(error.message).not.toMatch(/s3cret-pw|ZGVtbzpzM2NyZXQtcHc=|demo:/);
    expect(JSON.stringify(error.details ?? null)).not.toMatch(/s3cret-pw|ZGVtbzpzM2NyZXQtcHc=/);
    expect(error.message).toMatch(status === 401 ? /ENGINE_PASSWORD/ : /GET \/engine/);
  });
});
