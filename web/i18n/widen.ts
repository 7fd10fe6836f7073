// The English dictionary has the Vietnamese one's shape with any text in place of each Vietnamese string.
export type Widen<T> = {
  -readonly [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends (...args: never[]) => unknown
      ? T[K]
      : Widen<T[K]>;
};
