import { createApp } from 'vue';
import ElementPlus from 'element-plus';
import 'element-plus/dist/index.css';
import App from './App.vue';
import { i18n } from './i18n';
import { installAuthGuard } from './modules/auth';
import { router } from './router';

installAuthGuard(router);
const app = createApp(App).use(ElementPlus).use(i18n).use(router);
// Mounting after the first navigation keeps the layout from flashing before the session is known.
void router
  .isReady()
  .catch(() => undefined)
  .then(() => app.mount('#app'));
