import { createRequire } from 'node:module';
import type { LintProblem, TopicStatus } from '../../../contracts/designer.js';
import { lianqinRules, externalTopicOf, type RuleFactory } from './lianqin-rules.js';
import type { LintContext } from './lint-context.js';
import type { ModdleElement } from './moddle.js';

const require = createRequire(import.meta.url);

interface BpmnlintReport {
  id?: string;
  message: string;
  category: string;
}
interface Resolver {
  resolveRule(pkg: string, ruleName: string): unknown;
  resolveConfig(pkg: string, configName: string): unknown;
}
interface Linter {
  lint(root: ModdleElement, config: { extends: string[]; rules: Record<string, unknown> }): Promise<Record<string, BpmnlintReport[]>>;
}

// bpmnlint is CommonJS without typings; the resolver resolves plugins from this package, not from the working directory.
const { Linter } = require('bpmnlint') as { Linter: new (options: { resolver: Resolver }) => Linter };
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver') as new (options: { require: NodeJS.Require }) => Resolver;
const traverse = require('bpmnlint/lib/traverse') as (element: ModdleElement, visitor: { enter(element: ModdleElement): void }) => void;

/** The package under which Lianqin's rules are named (lianqin/<rule>). */
const lianqinPackage = 'bpmnlint-plugin-lianqin';
/** Camunda 7.24 is the engine Lianqin runs. */
const camundaConfig = 'plugin:camunda-compat/camunda-platform-7-24';

/** Resolves Lianqin's rules from code and everything else as bpmnlint does. */
class LianqinResolver implements Resolver {
  private readonly node = new NodeResolver({ require });

  resolveRule(pkg: string, ruleName: string): unknown {
    if (pkg !== lianqinPackage) return this.node.resolveRule(pkg, ruleName);
    const rule = lianqinRules[ruleName];
    // The linter calls the factory with the rule's config: the lint context.
    return rule ? (rule.factory satisfies RuleFactory) : undefined;
  }

  resolveConfig(pkg: string, configName: string): unknown {
    return this.node.resolveConfig(pkg, configName);
  }
}

/** Lints a BPMN model with bpmnlint's recommended rules, Camunda 7.24 compatibility and Lianqin's rules. */
export async function lintBpmnModel(root: ModdleElement, context: LintContext): Promise<LintProblem[]> {
  const rules = Object.fromEntries(Object.entries(lianqinRules).map(([name, rule]) => [`lianqin/${name}`, [rule.category, context]]));
  const results = await new Linter({ resolver: new LianqinResolver() }).lint(root, { extends: ['bpmnlint:recommended', camundaConfig], rules });
  return Object.entries(results).flatMap(([rule, reports]) =>
    reports.map((report) => ({
      ...(report.id ? { elementId: report.id } : {}),
      message: report.message,
      rule,
      // A rule that throws is bpmnlint's bug, not the model's: it warns instead of blocking the deployment.
      severity: report.category === 'error' ? ('error' as const) : ('warning' as const),
      source: rule.startsWith('lianqin/') ? ('lianqin' as const) : rule.startsWith('camunda-compat/') ? ('camunda' as const) : ('bpmnlint' as const),
    })),
  );
}

/** The external-task topics of a model, with the elements using each and whether a worker serves and polls it. */
export function topicsOf(root: ModdleElement, context: LintContext): TopicStatus[] {
  const uses = new Map<string, string[]>();
  traverse(root, {
    enter(node) {
      if (typeof node.$instanceOf !== 'function') return;
      const topic = externalTopicOf(node);
      if (!topic) return;
      const id = (node.$instanceOf('bpmn:EventDefinition') ? node.$parent?.id : node.id) ?? '';
      uses.set(topic, [...(uses.get(topic) ?? []), id]);
    },
  });
  return [...uses].sort(([a], [b]) => a.localeCompare(b)).map(([topic, elementIds]) => topicStatus(topic, elementIds, context));
}

/** The status of one topic. */
export function topicStatus(topic: string, elementIds: string[], context: Pick<LintContext, 'handledTopics' | 'polledTopics'>): TopicStatus {
  const lastPolled = context.polledTopics.get(topic);
  return { topic, elementIds, handled: context.handledTopics.has(topic), polled: !!lastPolled, ...(lastPolled ? { lastPolledAt: lastPolled.toISOString() } : {}) };
}
