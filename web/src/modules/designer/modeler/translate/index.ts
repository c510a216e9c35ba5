import type { AppLocale } from '@/i18n';
import { dmnZhCN } from './zh-CN.dmn';
import { modelingZhCN } from './zh-CN.modeling';
import { propertiesZhCN } from './zh-CN.properties';

/** diagram-js's translate function: a label template and the values of its `{placeholders}`. */
export type Translate = (template: string, replacements?: Record<string, string>) => string;

/** The Chinese labels of every bpmn.io editor the designer uses; English is the libraries' own text. */
const dictionaries: Record<AppLocale, Record<string, string>> = {
  'zh-CN': { ...modelingZhCN, ...propertiesZhCN, ...dmnZhCN },
  en: {},
};

/** Translates a bpmn.io label into the locale and fills its placeholders; unknown labels stay as they are. */
export function translateLabel(locale: AppLocale, template: string, replacements: Record<string, string> = {}): string {
  const text = dictionaries[locale][template] ?? template;
  return text.replace(/{([^}]+)}/g, (placeholder, key: string) => replacements[key] ?? placeholder);
}

/** A diagram-js module that replaces the editors' `translate` service, so palette, menus and panels speak the locale. */
export function translateModule(locale: AppLocale): { translate: ['value', Translate] } {
  return { translate: ['value', (template, replacements) => translateLabel(locale, template, replacements)] };
}
