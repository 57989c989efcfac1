/**
 * Three-valued evaluation of conditions against case facts: met, unmet, or unknown (a fact is missing or a
 * text condition awaits the officer's confirmation). Unknown is never guessed into met or unmet.
 */
import type { CaseFacts, Clause, Condition, Conditions } from './model.ts';
import { aggravatingLabels, harmLabels, locationLabels, quantityLabels } from './model.ts';

export type Truth = 'met' | 'unmet' | 'unknown';

/** The ordinal of this violation (1 = first), or undefined when the record is not known. */
export function occurrenceOf(facts: CaseFacts): number | undefined {
  if (facts.repeatCountPastYear !== undefined) return facts.repeatCountPastYear + 1;
  if (facts.firstViolation === true) return 1;
  return undefined;
}

function within(value: number, leaf: Extract<Condition, { kind: 'quantity' }>): boolean {
  if (leaf.min !== undefined && (leaf.minInclusive ? value < leaf.min : value <= leaf.min)) return false;
  if (leaf.max !== undefined && (leaf.maxInclusive ? value > leaf.max : value >= leaf.max)) return false;
  return true;
}

const known = (value: boolean | undefined, expected: boolean): Truth => (value === undefined ? 'unknown' : value === expected ? 'met' : 'unmet');

export function evaluateCondition(leaf: Condition, facts: CaseFacts): Truth {
  switch (leaf.kind) {
    case 'occurrence': {
      const n = occurrenceOf(facts);
      if (n === undefined) return facts.firstViolation === false && leaf.max === 1 ? 'unmet' : 'unknown';
      return (leaf.min === undefined || n >= leaf.min) && (leaf.max === undefined || n <= leaf.max) ? 'met' : 'unmet';
    }
    case 'quantity': {
      const value = facts.quantities?.[leaf.quantity];
      return value === undefined ? 'unknown' : within(value, leaf) ? 'met' : 'unmet';
    }
    case 'corrected':
      return known(facts.corrected, leaf.value);
    case 'minorViolation':
      return known(facts.violationMinor, leaf.value);
    case 'harm':
      return facts.harm === undefined ? 'unknown' : leaf.levels.includes(facts.harm) ? 'met' : 'unmet';
    case 'partyKind':
      return facts.partyKind === leaf.value ? 'met' : 'unmet';
    case 'location':
      return facts.locationClass === undefined ? 'unknown' : leaf.classes.includes(facts.locationClass) ? 'met' : 'unmet';
    case 'aggravating': {
      // The list of aggravating circumstances is complete: not listed means it did not happen.
      const any = leaf.codes.some((code) => facts.aggravating?.includes(code) ?? false);
      return any === leaf.present ? 'met' : 'unmet';
    }
    case 'mitigating':
      return (facts.mitigating?.includes(leaf.code) ?? false) === leaf.value ? 'met' : 'unmet';
    case 'age': {
      // Age is entered for natural persons who may be minors; without it the party is taken as an adult.
      if (facts.partyKind === 'organization') return 'unmet';
      const age = facts.age;
      if (age === undefined) return leaf.max !== undefined && leaf.min === undefined ? 'unmet' : 'unknown';
      return (leaf.min === undefined || age >= leaf.min) && (leaf.max === undefined || age < leaf.max) ? 'met' : 'unmet';
    }
    case 'flag':
      // noFault, mentalIncapacity, beyondLimitation are findings: not found means not so. cooperative is asked.
      if (leaf.flag === 'cooperative') return known(facts.cooperative, leaf.value);
      return (facts[leaf.flag] ?? false) === leaf.value ? 'met' : 'unmet';
    case 'text':
      return facts.confirmedConditions?.includes(leaf.text) ? 'met' : 'unknown';
  }
}

export interface ClauseEvaluation {
  clause: Clause;
  truth: Truth;
  met: Condition[];
  unknown: Condition[];
  unmet: Condition[];
}

export function evaluateClause(clause: Clause, facts: CaseFacts): ClauseEvaluation {
  const met: Condition[] = [];
  const unknown: Condition[] = [];
  const unmet: Condition[] = [];
  for (const leaf of clause.all) {
    const truth = evaluateCondition(leaf, facts);
    (truth === 'met' ? met : truth === 'unknown' ? unknown : unmet).push(leaf);
  }
  const truth: Truth = unmet.length > 0 ? 'unmet' : unknown.length > 0 ? 'unknown' : 'met';
  return { clause, truth, met, unknown, unmet };
}

/** The best clause: a met one, else the unknown one with fewest open questions, else the first unmet. */
export function evaluateConditions(conditions: Conditions, facts: CaseFacts): ClauseEvaluation {
  const all = conditions.clauses.map((clause) => evaluateClause(clause, facts));
  const met = all.find((e) => e.truth === 'met');
  if (met) return met;
  const unknown = all.filter((e) => e.truth === 'unknown').sort((a, b) => a.unknown.length - b.unknown.length)[0];
  if (unknown) return unknown;
  const first = all[0];
  if (!first) throw new Error('conditions without clauses');
  return first;
}

/** A Chinese phrase for a condition as it applies to these facts. */
export function describeCondition(leaf: Condition, facts: CaseFacts): string {
  switch (leaf.kind) {
    case 'occurrence': {
      const n = occurrenceOf(facts);
      return n === undefined ? leaf.text : `第${n}次违法（${leaf.text}）`;
    }
    case 'quantity': {
      const value = facts.quantities?.[leaf.quantity];
      const label = quantityLabels[leaf.quantity];
      return value === undefined ? `${label.name}${leaf.text}` : `${label.name}${value}${label.unit}（${leaf.text}）`;
    }
    case 'harm':
      return facts.harm ? `${harmLabels[facts.harm]}（${leaf.text}）` : leaf.text;
    case 'location':
      return facts.locationClass ? `违法地点属${locationLabels[facts.locationClass]}（${leaf.text}）` : leaf.text;
    case 'aggravating':
      return leaf.present ? `具有「${leaf.codes.map((c) => aggravatingLabels[c]).join('、')}」情形` : leaf.text;
    case 'partyKind':
      return leaf.value === 'person' ? '当事人为个人' : '当事人为单位';
    case 'corrected':
    case 'minorViolation':
    case 'mitigating':
    case 'age':
    case 'flag':
    case 'text':
      return leaf.text;
  }
}
