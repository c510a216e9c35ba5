/** A count shown on an activity: running instances (blue, bottom left) or open incidents (red, bottom right). */
export interface DiagramBadge {
  elementId: string;
  kind: 'instances' | 'incidents';
  count: number;
}

/** A rectangle of the diagram's coordinates, as diagram-js's canvas reads and sets its viewbox. */
export interface DiagramViewbox {
  x: number;
  y: number;
  width: number;
  height: number;
}
