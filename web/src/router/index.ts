import type { Component } from 'vue';
import { createRouter, createWebHistory } from 'vue-router';
import { statusRoutes } from '@/modules/status';

/** How a route appears in the left menu. */
export interface RouteMenuEntry {
  /** i18n key of the menu label. */
  titleKey: string;
  /** Icon shown beside the label, and alone when the menu is collapsed. */
  icon: Component;
  /** Position in the menu, smallest first. */
  order: number;
}

declare module 'vue-router' {
  interface RouteMeta {
    /** Present on routes that have an entry in the left menu. */
    menu?: RouteMenuEntry;
  }
}

/** The app's router: each feature module contributes its routes. */
export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    { path: '/', redirect: '/status' },
    ...statusRoutes,
    { path: '/:pathMatch(.*)*', redirect: '/status' },
  ],
});
