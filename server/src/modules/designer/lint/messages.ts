/** The language of Lianqin's own lint messages: Chinese unless the request asks for English. */
export type LintLanguage = 'zh' | 'en';

/** Lianqin's own lint messages, in both languages. */
export const lintMessages = {
  topicMissing: { zh: () => '外部任务没有设置主题（topic）', en: () => 'The external task has no topic' },
  topicUnhandled: {
    zh: (topic: string) => `主题“${topic}”在工作者注册表中没有处理程序，部署后该步骤会一直停在这里`,
    en: (topic: string) => `No handler in the worker registry serves topic "${topic}"; the step would wait forever`,
  },
  topicNotPolled: {
    zh: (topic: string) => `主题“${topic}”有处理程序，但当前没有工作者在拉取`,
    en: (topic: string) => `Topic "${topic}" has a handler, but no worker polls it right now`,
  },
  groupUnknown: {
    zh: (group: string) => `候选组“${group}”既不是部门编码，也不是已知的角色组`,
    en: (group: string) => `Candidate group "${group}" is neither a department code nor a known role group`,
  },
  formMissing: { zh: () => '用户任务没有表单（camunda:formRef）', en: () => 'The user task has no form (camunda:formRef)' },
  formUnknown: {
    zh: (form: string) => `表单“${form}”不存在：processes/ 中和草稿中都没有这个表单`,
    en: (form: string) => `Form "${form}" does not exist in processes/ or in any draft`,
  },
  formOnlyDraft: {
    zh: (form: string) => `表单“${form}”只在草稿中，请先部署该表单`,
    en: (form: string) => `Form "${form}" exists only as a draft; deploy it first`,
  },
  departmentUnknown: {
    zh: (output: string, code: string) => `输出“${output}”中的“${code}”不是部门编码`,
    en: (output: string, code: string) => `"${code}" in output "${output}" is not a department code`,
  },
  parseFailed: {
    zh: (message: string) => `文件无法解析：${message}`,
    en: (message: string) => `The file does not parse: ${message}`,
  },
  formNotJson: {
    zh: (message: string) => `表单不是有效的 JSON：${message}`,
    en: (message: string) => `The form is not valid JSON: ${message}`,
  },
  formNoId: { zh: () => '表单缺少 id，流程通过 id 引用表单', en: () => 'The form has no id, by which processes refer to it' },
} as const;
