import type { DataSource } from 'typeorm';
import type { TopicStatus } from '../../contracts/designer.js';
import { polledTopics } from '../../workers/runtime/index.js';
import { topicStatus } from './lint/bpmn-lint.js';
import { handledTopics } from './lint/lint-context.js';

/** Every topic of the worker registry, with whether a live worker polls it now. */
export async function registryTopicStatus(dataSource: DataSource): Promise<TopicStatus[]> {
  const [handled, polled] = await Promise.all([handledTopics(), polledTopics(dataSource)]);
  return [...handled].sort().map((topic) => topicStatus(topic, [], { handledTopics: handled, polledTopics: polled }));
}
