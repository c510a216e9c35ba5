/** Every external-task topic of processes/; a test proves each one has a handler. */
export const Topics = {
  CaseRegister: 'case-register',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

/** BPMN error codes that handlers throw as BusinessError and the BPMN catches. */
export const BpmnErrors = {} as const;
