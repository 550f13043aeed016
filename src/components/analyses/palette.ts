// Colours of the Analyses area's charts. Class colours: Tableau 10 darkened where needed to reach
// 3:1 contrast on white (charts always pair them with a text label as well).
export const CLASS_COLORS: readonly string[] = [
  '#2f6ea3',
  '#c65f12',
  '#3b7d33',
  '#b8312f',
  '#7453a6',
  '#7f5539',
  '#b9417f',
  '#5f6368',
  '#827717',
  '#0f7d86',
];

/** Original, attacked (or deformed), natural target: the three groups of findings 4a and 5. */
export const GROUP_COLORS = {
  original: '#2f6ea3',
  attacked: '#c65f12',
  target: '#3b7d33',
} as const;
