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
  // shop-credit-reset (商户信用分年度重置)
  CommerceResetCredit: 'commerce-reset-credit',
  // joint-patrol and joint-patrol-schedule (联合巡查)
  PatrolNextRun: 'patrol-next-run',
  PatrolNotifyTeam: 'patrol-notify-team',
  PatrolFlagUnvisited: 'patrol-flag-unvisited',
  PatrolCompileReport: 'patrol-compile-report',
  PatrolCloseRun: 'patrol-close-run',
  // joint-enforcement and joint-enforcement-series (联合执法)
  JointRecordEvent: 'joint-record-event',
  JointAnnounceBriefing: 'joint-announce-briefing',
  JointGenerateReport: 'joint-generate-report',
  JointSeriesNextOccurrence: 'joint-series-next-occurrence',
  JointSeriesStartOccurrence: 'joint-series-start-occurrence',
  PoliceJointSecurityPlan: 'police-joint-security-plan',
  CommerceJointShopCheck: 'commerce-joint-shop-check',
  UrbanJointDocuments: 'urban-joint-documents',
  SanitationJointCleanup: 'sanitation-joint-cleanup',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

/** BPMN error codes that handlers throw as BusinessError and the BPMN catches. */
export const BpmnErrors = {
  /** case-plan-dispatch: neither the routing DMN nor the command centre named a department. */
  NoRoute: 'NO_ROUTE',
} as const;
