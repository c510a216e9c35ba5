import { defineComponent, type Component } from 'vue';
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import type { Role } from '@contracts/auth';

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
    /** Routes open without signing in (the sign-in page). */
    public?: boolean;
    /** Roles that may open the route; absent means every signed-in user. The server enforces the same. */
    roles?: readonly Role[];
  }
}

/** Each feature module's index.ts exports `routes`; they are collected here so modules never edit this file. */
const modules = import.meta.glob<{ routes: RouteRecordRaw[] }>('../modules/*/index.ts', { eager: true });
const moduleRoutes = Object.values(modules).flatMap((module) => module.routes ?? []);

/** Never shown: the auth guard sends `/` and unknown paths on to the user's home page (auth's homePathFor). */
const Placeholder = defineComponent({ name: 'RouterPlaceholder', render: () => null });

/** The app's router: each feature module contributes its routes. */
export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    { path: '/', name: 'home', component: Placeholder },
    ...moduleRoutes,
    { path: '/:pathMatch(.*)*', name: 'not-found', component: Placeholder },
  ],
});
