/** A yes/no field as a measure's value: 1, 0, or missing (the measures of every catalogue read flags this way). */
export const flag = (value: boolean | undefined): number | undefined =>
  value === undefined ? undefined : value ? 1 : 0;
