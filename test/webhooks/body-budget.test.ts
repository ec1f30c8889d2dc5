// The bytes of webhook bodies held at once: a reservation that would pass the budget takes nothing.
import { describe, expect, it } from 'vitest';
import { BodyBudget } from '../../src/webhooks/body-budget.js';

describe('BodyBudget', () => {
  it('reserves up to its limit, refuses past it without reserving, and takes again once released', () => {
    const budget = new BodyBudget(100);
    expect(budget.tryReserve(60)).toBe(true);
    expect(budget.tryReserve(41)).toBe(false);
    expect(budget.inFlightBytes).toBe(60);
    expect(budget.tryReserve(40)).toBe(true);
    budget.release(60);
    expect(budget.tryReserve(60)).toBe(true);
    expect(budget.inFlightBytes).toBe(100);
  });

  it('never counts below zero', () => {
    const budget = new BodyBudget(10);
    budget.release(5);
    expect(budget.inFlightBytes).toBe(0);
    expect(budget.tryReserve(10)).toBe(true);
  });
});
