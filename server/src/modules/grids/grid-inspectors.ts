/** A grid inspector (网格员) account that the geography seed adds next to the demo inspector `wangge`. */
export interface GridInspector {
  username: string;
  displayName: string;
}

/** Inspectors added for the demo district; `wangge` itself is a demo account of db/seed/demo-data.ts. */
export const districtInspectors: readonly GridInspector[] = [
  { username: 'wangge2', displayName: '网格员 李娜' },
  { username: 'wangge3', displayName: '网格员 陈静' },
];
