/** The part of lunar-javascript (6tail) the legal calendar uses: lunar dates and solar terms → Gregorian dates. */
declare module 'lunar-javascript' {
  export interface Solar {
    toYmd(): string;
    next(days: number): Solar;
  }
  export interface Lunar {
    getSolar(): Solar;
    getJieQiTable(): Record<string, Solar>;
  }
  export const Lunar: { fromYmd(year: number, month: number, day: number): Lunar };
}
