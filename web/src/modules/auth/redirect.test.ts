import { describe, expect, it } from 'vitest';
import { defaultHomePath, homePath, homePathFor, redirectTarget } from './redirect';

describe('homePathFor', () => {
  it.each([
    { roles: ['coordinator'] as const, expected: '/operations' },
    { roles: ['designer'] as const, expected: '/designer' },
    { roles: ['liaison'] as const, expected: '/inbox' },
    { roles: ['command-centre', 'supervisor'] as const, expected: '/inbox' },
    { roles: ['admin'] as const, expected: '/inbox' },
    { roles: [] as const, expected: '/inbox' },
    { roles: ['liaison', 'coordinator'] as const, expected: '/operations' },
  ])('sends $roles to $expected', ({ roles, expected }) => {
    expect(homePathFor(roles)).toBe(expected);
  });

  it('falls back to the inbox when the app has no page at the role home', () => {
    expect(homePathFor(['designer'], (path) => path !== '/designer')).toBe(defaultHomePath);
  });
});

describe('redirectTarget', () => {
  it.each([
    { value: '/operations/JO-2026-0001', expected: '/operations/JO-2026-0001' },
    { value: ['/shops', '/inbox'], expected: '/shops' },
    { value: undefined, expected: homePath },
    { value: null, expected: homePath },
    { value: 'https://evil.example/', expected: homePath },
    { value: '//evil.example/', expected: homePath },
    { value: '/login?redirect=/x', expected: homePath },
  ])('turns $value into $expected', ({ value, expected }) => {
    expect(redirectTarget(value)).toBe(expected);
  });
});
