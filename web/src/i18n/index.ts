import { computed } from 'vue';
import { createI18n } from 'vue-i18n';
import elZhCn from 'element-plus/es/locale/lang/zh-cn';
import elEn from 'element-plus/es/locale/lang/en';
import zhCN from './zh-CN';
import en from './en';

/** The languages Lianqin speaks; Chinese comes first and is the default. */
export const APP_LOCALES = ['zh-CN', 'en'] as const;

/** One of the languages Lianqin speaks. */
export type AppLocale = (typeof APP_LOCALES)[number];

const STORAGE_KEY = 'lianqin.locale';

/** Whether a value names one of the languages Lianqin speaks. */
export function isAppLocale(value: unknown): value is AppLocale {
  return APP_LOCALES.includes(value as AppLocale);
}

function storedLocale(): AppLocale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isAppLocale(value) ? value : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

type Messages = typeof zhCN;

/**
 * Each feature module keeps its messages in `modules/<feature>/i18n/zh-CN.ts` and `en.ts` (default export, keyed by
 * the feature's name at the top), merged here so that modules never edit the shared files.
 */
const moduleMessages = import.meta.glob<{ default: Record<string, unknown> }>('../modules/*/i18n/*.ts', { eager: true });

function messagesOf(locale: AppLocale, base: Messages): Messages {
  const merged: Messages = { ...base };
  for (const [file, module] of Object.entries(moduleMessages)) if (file.endsWith(`/${locale}.ts`)) Object.assign(merged, module.default);
  return merged;
}

/** The app's i18n instance (Composition API mode), started in the language chosen last time. */
export const i18n = createI18n<[Messages], AppLocale, false>({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': messagesOf('zh-CN', zhCN), en: messagesOf('en', en) },
});

/** The current language, readable and reactive. */
export const currentLocale = computed<AppLocale>(() => i18n.global.locale.value as AppLocale);

/** The Element Plus messages matching the current language, for `<el-config-provider>`. */
export const elementLocale = computed(() => (currentLocale.value === 'en' ? elEn : elZhCn));

function applyToDocument(locale: AppLocale): void {
  // Unit tests of pure logic import messages without a DOM.
  if (typeof document === 'undefined') return;
  document.documentElement.lang = locale;
  document.title = i18n.global.t('app.name');
}

/** Switches the language of the whole app and remembers it for the next visit. */
export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Storage may be unavailable (private mode); the switch still applies to this visit.
  }
  applyToDocument(locale);
}

applyToDocument(currentLocale.value);
