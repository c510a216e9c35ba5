import type { LintContext } from './lint-context.js';
import { lintMessages } from './messages.js';
import type { ModdleElement } from './moddle.js';

/** bpmnlint's reporter: one report per element. */
interface Reporter {
  report(id: string | undefined, message: string): void;
}

/** A bpmnlint rule factory: the linter calls it with the rule's config (here, the lint context). */
export type RuleFactory = (context: LintContext) => { check(node: ModdleElement, reporter: Reporter): void };

/** The element a designer clicks for a node: the event, for an event definition. */
function shapeOf(node: ModdleElement): ModdleElement {
  return node.$instanceOf('bpmn:EventDefinition') && node.$parent ? node.$parent : node;
}

/** The external-task topic of a node, null when it is external without a topic, undefined when it is not external. */
export function externalTopicOf(node: ModdleElement): string | null | undefined {
  const external = ['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask', 'bpmn:MessageEventDefinition'].some((t) => node.$instanceOf(t));
  if (!external || node.get('camunda:type') !== 'external') return undefined;
  const topic = node.get('camunda:topic');
  return typeof topic === 'string' && topic.trim() ? topic.trim() : null;
}

const isExpression = (value: string) => /[$#]\{/.test(value);

/** Every external task's topic has a handler in the worker registry; one nobody polls now is a warning. */
const topicHasWorker: RuleFactory = (context) => ({
  check(node, reporter) {
    const topic = externalTopicOf(node);
    if (topic === undefined) return;
    const id = shapeOf(node).id;
    if (topic === null) return reporter.report(id, lintMessages.topicMissing[context.language]());
    if (isExpression(topic)) return;
    if (!context.handledTopics.has(topic)) return reporter.report(id, lintMessages.topicUnhandled[context.language](topic));
  },
});

/** A handled topic that no live worker polls: deployable, but nothing will happen until a worker runs. */
const topicPolled: RuleFactory = (context) => ({
  check(node, reporter) {
    const topic = externalTopicOf(node);
    if (!topic || isExpression(topic) || !context.handledTopics.has(topic) || context.polledTopics.has(topic)) return;
    reporter.report(shapeOf(node).id, lintMessages.topicNotPolled[context.language](topic));
  },
});

/** Every literal candidate group of a user task is a department or unit code, or a role group. */
const candidateGroupKnown: RuleFactory = (context) => ({
  check(node, reporter) {
    if (!node.$instanceOf('bpmn:UserTask')) return;
    const groups = String(node.get('camunda:candidateGroups') ?? '');
    if (isExpression(groups)) return;
    for (const group of groups.split(',').map((g) => g.trim()).filter(Boolean)) {
      if (!context.candidateGroups.has(group)) reporter.report(node.id, lintMessages.groupUnknown[context.language](group));
    }
  },
});

/** Every user task names a Camunda Form that exists (shipped, or at least drafted). */
const formExists: RuleFactory = (context) => ({
  check(node, reporter) {
    if (!node.$instanceOf('bpmn:UserTask')) return;
    const formRef = node.get('camunda:formRef');
    if (typeof formRef !== 'string' || !formRef.trim()) {
      // A formKey (embedded or external form) is the designer's explicit choice; only "no form at all" is reported.
      if (!node.get('camunda:formKey')) reporter.report(node.id, lintMessages.formMissing[context.language]());
      return;
    }
    if (isExpression(formRef) || context.shippedForms.has(formRef) || context.draftForms.has(formRef)) return;
    reporter.report(node.id, lintMessages.formUnknown[context.language](formRef));
  },
});

/** A form that exists only as a draft: the task would find no deployed form until the draft is deployed. */
const formDeployed: RuleFactory = (context) => ({
  check(node, reporter) {
    if (!node.$instanceOf('bpmn:UserTask')) return;
    const formRef = node.get('camunda:formRef');
    if (typeof formRef === 'string' && context.draftForms.has(formRef)) reporter.report(node.id, lintMessages.formOnlyDraft[context.language](formRef));
  },
});

/** Lianqin's own bpmnlint rules by name, with the category each is configured with. */
export const lianqinRules: Record<string, { factory: RuleFactory; category: 'error' | 'warn' }> = {
  'topic-has-worker': { factory: topicHasWorker, category: 'error' },
  'topic-polled': { factory: topicPolled, category: 'warn' },
  'candidate-group-known': { factory: candidateGroupKnown, category: 'error' },
  'form-exists': { factory: formExists, category: 'error' },
  'form-deployed': { factory: formDeployed, category: 'warn' },
};
