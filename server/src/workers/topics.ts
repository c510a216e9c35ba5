/** Every external-task topic of processes/; a test proves each one has a handler. */
export const Topics = {
  LocateGrid: 'case-locate-grid',
  FindDuplicates: 'case-find-duplicates',
  PlanDispatch: 'case-plan-dispatch',
  ComputeDue: 'case-compute-due',
  RecordEvent: 'case-record-event',
  SanitationAssignCrew: 'sanitation-assign-crew',
  UrbanIssueNotice: 'urban-issue-notice',
  CommerceLookupLicence: 'commerce-lookup-licence',
  PoliceFileAssistance: 'police-file-assistance',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

/** BPMN error codes that handlers throw as BusinessError and the BPMN catches. */
export const BpmnErrors = {
  /** case-plan-dispatch: neither the routing DMN nor the command centre named a department. */
  NoRoute: 'NO_ROUTE',
} as const;
