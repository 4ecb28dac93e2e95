/** Time is passed in, never read from a global, so that tests control it. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
