/** Time comes from outside the domain so deadline rules are testable exactly. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
