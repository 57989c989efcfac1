/** The workflow kernel: transitions, guards and the citation of laws every ledger shares. */
export { checkTransition, type Guard, type GuardContext, inputOf, type Transition, type Workflow } from './kernel.ts';
export { art, artFull, articleLabel, item, type LawName, lawFullTitle, lawNames, lawTitle, para } from './law.ts';
