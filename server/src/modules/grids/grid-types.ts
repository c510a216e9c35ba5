/** What a unit grid mostly contains; an input of the DMN `case-routing` besides the category. */
export const gridTypes = ['main-road', 'commercial', 'residential', 'market', 'scenic', 'industrial'] as const;

export type GridType = (typeof gridTypes)[number];

/** True when the value is one of gridTypes. */
export function isGridType(value: string): value is GridType {
  return (gridTypes as readonly string[]).includes(value);
}
